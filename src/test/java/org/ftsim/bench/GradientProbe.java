package org.ftsim.bench;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.data.InputShape;
import org.ftsim.model.ModelSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Throwaway probe: where does one worker's gradient time go. */
public final class GradientProbe {
  public static void main(String[] args) throws Exception {
    ModelSpec spec = new ModelSpec("mlp", new InputShape(1, 28, 28), 10, false);
    MultiLayerNetwork net = spec.build();
    int b = Integer.parseInt(args.length > 0 ? args[0] : "32");
    INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, 784);
    INDArray y = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, 10);
    for (int i = 0; i < b; i++) y.putScalar(i, i % 10, 1f);
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      int n = 100;
      float[] g = null;
      long tg = 0, tc = 0;
      for (int i = 0; i < n; i++) {
        long a = System.nanoTime();
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        long c = System.nanoTime();
        g = net.gradient().gradient().toFloatVector();
        tc += System.nanoTime() - c;
        tg += c - a;
      }
      System.out.printf("grad %.2f ms, copy %.2f ms%n", tg / 1e6 / n, tc / 1e6 / n);
      long s0 = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        ObjectOutputStream o = new ObjectOutputStream(bo);
        o.writeObject(g);
        o.close();
      }
      System.out.printf(
          "java-serialize float[%d]: %.2f ms%n", g.length, (System.nanoTime() - s0) / 1e6 / 10);
    }
  }
}
