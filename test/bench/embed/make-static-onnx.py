# A static embedding model (model2vec / potion shape) with seeded random weights, as an ONNX graph with
# the interface of model2vec's ONNX export: inputs input_ids [num_tokens] (every text's ids, concatenated)
# and offsets [batch] (where each text starts), output embeddings [batch, dims] = the mean of each text's
# token rows (torch.nn.EmbeddingBag mode="mean"; an empty text gives zeros), L2-normalised when NORMALIZE
# is 1 (model2vec's export normalises in the graph when the model's config says so).
# The bag mean is computed with a cumulative sum (O(tokens x dims), as EmbeddingBag).
# Usage: python3 make-static-onnx.py VOCAB DIMS NORMALIZE OUT.onnx     (potion-base-8M: 29528 256 1)
import sys, numpy as np, onnx
from onnx import helper as h, TensorProto as T, numpy_helper as nh
V, D, NORM = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); out = sys.argv[4]
rng = np.random.default_rng(0)
inits = [nh.from_array((rng.standard_normal((V, D)) * 0.1).astype(np.float32), 'emb'),
         nh.from_array(np.zeros((1, D), np.float32), 'zrow'), nh.from_array(np.array([0], np.int64), 'ax0'),
         nh.from_array(np.array(0, np.int64), 'zero'), nh.from_array(np.array([1], np.int64), 'one1'),
         nh.from_array(np.array([2**62], np.int64), 'big'), nh.from_array(np.array(1.0, np.float32), 'onef'),
         nh.from_array(np.array(1e-12, np.float32), 'eps')]
nodes = []; k = [0]
def n(op, ins, **kw):
    k[0] += 1; o = f"t{k[0]}"; nodes.append(h.make_node(op, ins, [o], **kw)); return o
rows = n('Gather', ['emb', 'input_ids'], axis=0)                       # [N, D]
csum = n('Concat', ['zrow', n('CumSum', [rows, 'zero'])], axis=0)     # [N+1, D], row i = sum of rows < i
ntok = n('Shape', ['input_ids'])                                       # [1] = N
ends = n('Concat', [n('Slice', ['offsets', 'one1', 'big', 'ax0']), ntok], axis=0)  # [B]
sums = n('Sub', [n('Gather', [csum, ends], axis=0), n('Gather', [csum, 'offsets'], axis=0)])  # [B, D]
count = n('Max', [n('Cast', [n('Sub', [ends, 'offsets'])], to=T.FLOAT), 'onef'])             # [B]
mean = n('Div', [sums, n('Unsqueeze', [count, 'one1'])])
if NORM:
    norm = n('Max', [n('Sqrt', [n('ReduceSum', [n('Mul', [mean, mean]), 'one1'], keepdims=1)]), 'eps'])
    mean = n('Div', [mean, norm])
nodes.append(h.make_node('Identity', [mean], ['embeddings']))
g = h.make_graph(nodes, 'static', [h.make_tensor_value_info('input_ids', T.INT64, ['num_tokens']), h.make_tensor_value_info('offsets', T.INT64, ['batch'])],
                 [h.make_tensor_value_info('embeddings', T.FLOAT, ['batch', D])], inits)
m = h.make_model(g, opset_imports=[h.make_opsetid('', 17)]); m.ir_version = 8
onnx.checker.check_model(m); onnx.save(m, out); print('saved', out)
