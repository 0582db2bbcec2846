package org.ftsim.spark;

import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag$;

/**
 * A "broadcast" that holds its value in this JVM, for tasks that run inline ({@link InlineTasks}):
 * a Spark broadcast of the parameters costs a few milliseconds per step (its blocks stored in the
 * block manager and read back) for tasks that would only read the driver's own copy. Never
 * serialised: an inline task is not.
 */
final class LocalValue<T> extends Broadcast<T> {

  private static final long serialVersionUID = 1L;

  private final transient T value;

  @SuppressWarnings("unchecked")
  LocalValue(T value) {
    super(-1L, (scala.reflect.ClassTag<T>) ClassTag$.MODULE$.apply(Object.class));
    this.value = value;
  }

  @Override
  public T getValue() {
    return value;
  }

  @Override
  public void doUnpersist(boolean blocking) {}

  @Override
  public void doDestroy(boolean blocking) {}
}
