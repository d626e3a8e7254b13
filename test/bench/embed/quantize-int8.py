# Dynamic int8 quantisation of an ONNX encoder, as onnxruntime's quantize_dynamic does it (default
# settings: weights int8 symmetric per tensor, activations uint8 quantised at run time), with the
# onnx package only (Debian's python3-onnx; onnxruntime's Python tools are not needed):
# every MatMul whose second input is a constant 2-D float weight W becomes
#   DynamicQuantizeLinear(x) -> (xq, xs, xz);  MatMulInteger(xq, Wq, xz, 0) -> int32;
#   Cast(float) * (xs * ws)
# The Gather embeddings, LayerNorm, Softmax and attention score MatMuls stay float, as in ORT's tool.
# Usage: python3 quantize-int8.py IN.onnx OUT.onnx
import sys, numpy as np, onnx
from onnx import helper as h, numpy_helper as nh, TensorProto as T

src, out = sys.argv[1], sys.argv[2]
m = onnx.load(src)
g = m.graph
inits = {i.name: i for i in g.initializer}
nodes, new_inits, dropped, k = [], [], set(), 0
for node in g.node:
    w = inits.get(node.input[1]) if node.op_type == 'MatMul' and len(node.input) == 2 else None
    if w is None or w.data_type != T.FLOAT or len(w.dims) != 2:
        nodes.append(node); continue
    k += 1; p = f'q{k}_'
    W = nh.to_array(w).astype(np.float32)
    scale = max(float(np.abs(W).max()), 1e-12) / 127.0
    Wq = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
    new_inits += [nh.from_array(Wq, p + 'wq'), nh.from_array(np.array(scale, np.float32), p + 'ws'),
                  nh.from_array(np.array(0, np.int8), p + 'wz')]
    dropped.add(w.name)
    x = node.input[0]
    nodes.append(h.make_node('DynamicQuantizeLinear', [x], [p + 'xq', p + 'xs', p + 'xz']))
    nodes.append(h.make_node('MatMulInteger', [p + 'xq', p + 'wq', p + 'xz', p + 'wz'], [p + 'i32']))
    nodes.append(h.make_node('Cast', [p + 'i32'], [p + 'f'], to=T.FLOAT))
    nodes.append(h.make_node('Mul', [p + 'xs', p + 'ws'], [p + 's']))
    nodes.append(h.make_node('Mul', [p + 'f', p + 's'], list(node.output)))
used = {i for n in nodes for i in n.input}
keep = [i for i in g.initializer if i.name not in dropped or i.name in used]
del g.node[:]; g.node.extend(nodes)
del g.initializer[:]; g.initializer.extend(keep + new_inits)
onnx.checker.check_model(m)
onnx.save(m, out)
print(f'quantised {k} MatMuls -> {out}')
