"""Writes the tensor-scalar fixtures of TensorBoardImportTest with TensorBoard's own Python writer.

TensorFlow 2's tf.summary.scalar stores a scalar as a rank-0 TensorProto in Summary.Value.tensor
(field 8), with the scalars plugin's metadata, rather than as simple_value. Two runs, five steps:
  float_val/4w_b64:        Loss/train as DT_FLOAT float_val, Accuracy/val as DT_DOUBLE double_val
                           (tensorboard.util.tensor_util.make_tensor_proto, as TensorBoard builds them)
  tensor_content/4w_b64:   both as DT_FLOAT tensor_content (4 little-endian bytes, as TensorFlow's
                           C++ summary writer stores them)
Loss/train = 2.5 - 0.25 * step; Accuracy/val = 0.1 * step at steps 2 and 4.
Run with tensorboard 2.21.0 and numpy 2.4.6: python make_tensor_scalars.py OUT_DIR
"""
import sys
import numpy as np
from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2, tensor_shape_pb2, types_pb2
from tensorboard.plugins.scalar import metadata
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.util import tensor_util

out = sys.argv[1]

def typed(value, dtype):
    return tensor_util.make_tensor_proto(dtype(value))

def content(value, dtype):
    return tensor_pb2.TensorProto(
        dtype=types_pb2.DT_FLOAT,
        tensor_shape=tensor_shape_pb2.TensorShapeProto(),
        tensor_content=np.float32(value).tobytes())

for folder, make in [("float_val/4w_b64", typed), ("tensor_content/4w_b64", content)]:
    writer = EventFileWriter(out + "/" + folder)
    for step in range(1, 6):
        scalars = [("Loss/train", 2.5 - 0.25 * step, np.float32)]
        if step % 2 == 0:
            scalars.append(("Accuracy/val", 0.1 * step, np.float64))
        for tag, value, dtype in scalars:
            v = summary_pb2.Summary.Value(
                tag=tag,
                tensor=make(value, dtype),
                metadata=metadata.create_summary_metadata(display_name=tag, description=""))
            writer.add_event(
                event_pb2.Event(wall_time=1.7e9 + step, step=step, summary=summary_pb2.Summary(value=[v])))
    writer.close()
