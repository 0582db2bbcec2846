package org.ftsim.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@link DenseStack#rowsIndependent} for tests of other packages, and this BLAS's fingerprint. */
public final class DenseStackProbe {

  private DenseStackProbe() {}

  /** Whether this BLAS gives {@code rows} rows of a [·, k]·[k, n] product the same bits alone. */
  public static boolean rowsIndependent(int rows, int total, int k, int n) {
    return DenseStack.rowsIndependent(rows, total, k, n);
  }

  /**
   * A short hash of the bits ND4J gives, on this machine, for the calls an MLP's gradients make:
   * the products of the {@code mlp}'s layer shapes (forward, back-propagated errors and weight
   * gradients) at 32, 64 and 256 rows on fixed data, and exp, log and softmax. Machines whose BLAS
   * and math kernels compute these alike have the same fingerprint; the golden files of runs are
   * kept per fingerprint where they differ from the recording machines'.
   */
  public static String blasFingerprint() {
    return Fingerprint.VALUE;
  }

  /** Computed once per JVM, on first use. */
  private static final class Fingerprint {
    static final String VALUE = compute();
  }

  private static String compute() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    SplittableRandom random = new SplittableRandom(20261204L);
    int[][] shapes = {{784, 512}, {512, 128}, {128, 10}, {32, 512}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int n = shape[1];
      INDArray w = DenseStack.filled(random, k, n);
      for (int rows : new int[] {32, 64, 256}) {
        INDArray x = DenseStack.filled(random, rows, k);
        INDArray delta = DenseStack.filled(random, rows, n);
        add(sha, x.mmuli(w, Nd4j.createUninitialized(DataType.FLOAT, rows, n)));
        add(sha, delta.mmul(w.transpose()));
        if (rows == 32) {
          add(sha, x.transpose().mmul(delta));
        }
      }
    }
    INDArray logits = DenseStack.filled(random, 64, 10);
    add(sha, Transforms.exp(logits, true));
    add(sha, Transforms.log(Transforms.abs(logits, true).addi(1e-3f), true));
    add(sha, Transforms.softmax(logits, true));
    return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }

  private static void add(MessageDigest sha, INDArray a) {
    float[] values = a.dup('c').data().asFloat();
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
    bytes.asFloatBuffer().put(values);
    sha.update(bytes.array());
  }
}
