/* kw-graph-centrality.c: exact betweenness of the stakeholder network, fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brandes' algorithm (undirected, unweighted, not normalised, each
 * unordered pair once: spec/analysis.md), exact, in three steps:
 *
 * 1. Leaves are pruned one after another (Baglioni, Geraci, Pellegrini
 *    and Lastres 2012, "Fast exact computation of betweenness centrality
 *    in social networks"): a node of degree one is removed and its weight
 *    w (itself and everything pruned into it before) goes to its one
 *    neighbour left. What is pruned is a forest hanging off the core.
 * 2. For every node v, what the pruned trees give it is a count: the
 *    pairs of nodes that lie in different parts once v is removed, among
 *    the parts made of pruned trees. With a = w(v) − 1 (the nodes pruned
 *    into v, in branches b_i) and c = the size of v's component − w(v)
 *    (the rest): a·c + Σ_{i<j} b_i·b_j = a·c + (a² − Σ b_i²) / 2. For a
 *    pruned node the rest is one more part and this is its whole
 *    betweenness (every edge of a tree is a bridge).
 * 3. Brandes on the core, in compact arrays (CSR), with every node
 *    standing for its weight's nodes: source s counts w(s) times and
 *    target t w(t) times: δ_s(v) = Σ_{u: v before u} σ_sv / σ_su ·
 *    (w(u) + δ_s(u)), and v gets w(s)·δ_s(v) / 2.
 *
 * Step 3 takes eight or sixteen sources at once, level by level (a
 * multi-source breadth-first search, as in Then et al. 2014, "The more
 * the merrier"; kw-graph-brandes.h): a node is visited once for every
 * distinct level it has among the batch's searches, not once per search,
 * and σ and (w + δ)/σ of a node are the lanes of one array, summed over
 * its neighbours under a mask of the lanes in which the neighbour is one
 * level nearer (σ) or farther (δ). The walk out finds the next level and
 * sums σ in the same pass over a node's neighbours, and each level is
 * walked in the order of the numbering. The core is numbered in
 * breadth-first order first, so that the sources of a batch lie close
 * together and their levels mostly agree, and neighbours close in
 * memory. A batch whose searches go deeper than a byte counts falls back
 * to one source at a time.
 *
 * The batches run in a kernel for the processor: the portable one (eight
 * lanes in GCC's vector types), or on x86-64 AVX2 (eight lanes, the same
 * bits) or AVX-512 (sixteen lanes), kw-graph-brandes-x86.c.
 *
 * The sources of step 3 are cut into a fixed number of blocks, each
 * summed into its own array by whichever thread takes it, and the blocks
 * are added in their order at the end: the answer is the same, bit for
 * bit, with any number of threads.
 *
 * No igraph here: nothing to lock. tests/test-bridges-exact.c checks it
 * against igraph_betweenness ().
 */
#define G_LOG_DOMAIN "kw-graph"

#include "config.h"

#include <string.h>

#include "kw-graph-brandes.h"
#include "kw-graph-private.h"

#define N_BLOCKS 16
/* below this many core nodes one thread does it all */
#define THREADED_FROM 1000

typedef KwBrandesCsr Csr;
typedef KwBrandesCore Core;

typedef struct {
  const Core          *core;
  KwBrandesKernelFunc  kernel;
  guint                lanes;
  double              *partial[N_BLOCKS];
  gint                 next_block;
} Job;

static void
csr_clear (Csr *csr)
{
  g_clear_pointer (&csr->offsets, g_free);
  g_clear_pointer (&csr->adj, g_free);
}

/* The graph's adjacency, both ways. */
static void
csr_from_graph (Csr     *csr,
                KwGraph *graph)
{
  guint n = graph->nodes->len;
  g_autofree guint *fill = g_new0 (guint, n + 1);

  csr->n = n;
  csr->offsets = g_new0 (guint, n + 1);
  csr->adj = g_new (guint, MAX (2 * graph->edges->len, 1));
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      csr->offsets[e->a + 1]++;
      csr->offsets[e->b + 1]++;
    }
  for (guint v = 0; v < n; v++)
    csr->offsets[v + 1] += csr->offsets[v];
  for (guint i = 0; i < graph->edges->len; i++)
    {
      KwGraphEdge *e = g_ptr_array_index (graph->edges, i);

      csr->adj[csr->offsets[e->a] + fill[e->a]++] = e->b;
      csr->adj[csr->offsets[e->b] + fill[e->b]++] = e->a;
    }
}

/* The size of each node's component. */
static guint *
component_sizes (const Csr *g)
{
  guint *size = g_new0 (guint, MAX (g->n, 1));
  g_autofree guint *queue = g_new (guint, MAX (g->n, 1));

  for (guint root = 0; root < g->n; root++)
    {
      guint tail = 0;

      if (size[root] != 0)
        continue;
      size[root] = 1;  /* seen */
      queue[tail++] = root;
      for (guint head = 0; head < tail; head++)
        for (guint k = g->offsets[queue[head]]; k < g->offsets[queue[head] + 1]; k++)
          if (size[g->adj[k]] == 0)
            {
              size[g->adj[k]] = 1;
              queue[tail++] = g->adj[k];
            }
      for (guint i = 0; i < tail; i++)
        size[queue[i]] = tail;
    }
  return size;
}

/* Step 1: removes the leaves one after another; @weight (1 each on
 * entry) and @squares (the sum of the squares of the weights pruned
 * into a node) grow, @removed marks the pruned. */
static void
prune_leaves (const Csr *g,
              guint64   *weight,
              guint64   *squares,
              gboolean  *removed)
{
  g_autofree guint *degree = g_new (guint, MAX (g->n, 1));
  g_autofree guint *queue = g_new (guint, MAX (g->n, 1));
  guint tail = 0;

  for (guint v = 0; v < g->n; v++)
    if ((degree[v] = g->offsets[v + 1] - g->offsets[v]) == 1)
      queue[tail++] = v;
  for (guint head = 0; head < tail; head++)
    {
      guint u = queue[head], p = G_MAXUINT;

      if (degree[u] != 1)  /* the last of a tree: its root, left in the core */
        continue;
      for (guint k = g->offsets[u]; k < g->offsets[u + 1] && p == G_MAXUINT; k++)
        if (!removed[g->adj[k]])
          p = g->adj[k];
      g_assert (p != G_MAXUINT);
      removed[u] = TRUE;
      degree[u] = 0;
      weight[p] += weight[u];
      squares[p] += weight[u] * weight[u];
      if (--degree[p] == 1)
        queue[tail++] = p;
    }
}

/* The nodes not @removed, renumbered, and the edges among them. */
static void
core_init (Core           *core,
           const Csr      *g,
           const guint64  *weight,
           const gboolean *removed)
{
  g_autofree guint *number = g_new (guint, MAX (g->n, 1));
  guint n = 0, m = 0;

  for (guint v = 0; v < g->n; v++)
    number[v] = removed[v] ? G_MAXUINT : n++;
  core->csr.n = n;
  core->csr.offsets = g_new0 (guint, n + 1);
  core->weight = g_new (double, MAX (n, 1));
  core->node = g_new (guint, MAX (n, 1));
  for (guint v = 0; v < g->n; v++)
    if (!removed[v])
      for (guint k = g->offsets[v]; k < g->offsets[v + 1]; k++)
        m += !removed[g->adj[k]];
  core->csr.adj = g_new (guint, MAX (m, 1));
  m = 0;
  for (guint v = 0; v < g->n; v++)
    {
      if (removed[v])
        continue;
      core->weight[number[v]] = (double) weight[v];
      core->node[number[v]] = v;
      for (guint k = g->offsets[v]; k < g->offsets[v + 1]; k++)
        if (!removed[g->adj[k]])
          core->csr.adj[m++] = number[g->adj[k]];
      core->csr.offsets[number[v] + 1] = m;
    }
}

/* Numbers the core in breadth-first order (from the first node of each
 * component, neighbours in their order), so that sources next to each
 * other in the numbering are near each other in the graph. */
static void
core_renumber (Core *core)
{
  guint n = core->csr.n;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *number = g_new (guint, MAX (n, 1));
  guint tail = 0;
  Csr csr = { n, g_new0 (guint, n + 1), g_new (guint, MAX (core->csr.offsets[n], 1)) };
  double *weight = g_new (double, MAX (n, 1));
  guint *node = g_new (guint, MAX (n, 1));

  memset (number, 0xff, sizeof (guint) * MAX (n, 1));
  for (guint root = 0; root < n; root++)
    {
      if (number[root] != G_MAXUINT)
        continue;
      number[root] = tail;
      order[tail++] = root;
      for (guint head = number[root]; head < tail; head++)
        for (guint k = core->csr.offsets[order[head]]; k < core->csr.offsets[order[head] + 1]; k++)
          if (number[core->csr.adj[k]] == G_MAXUINT)
            {
              number[core->csr.adj[k]] = tail;
              order[tail++] = core->csr.adj[k];
            }
    }
  for (guint i = 0, m = 0; i < n; i++)
    {
      guint v = order[i];

      weight[i] = core->weight[v];
      node[i] = core->node[v];
      for (guint k = core->csr.offsets[v]; k < core->csr.offsets[v + 1]; k++)
        csr.adj[m++] = number[core->csr.adj[k]];
      csr.offsets[i + 1] = m;
    }
  csr_clear (&core->csr);
  g_free (core->weight);
  g_free (core->node);
  core->csr = csr;
  core->weight = weight;
  core->node = node;
}

static void
core_clear (Core *core)
{
  csr_clear (&core->csr);
  g_clear_pointer (&core->weight, g_free);
  g_clear_pointer (&core->node, g_free);
}

typedef struct {
  guint   *pos;         /* node → its place in the search's order; G_MAXUINT: not reached */
  guint   *order;       /* place → node */
  double  *sigma;       /* by place: the shortest paths from the source (0 beyond the search) */
  double  *coeff;       /* by place: (w(v) + δ(v)) / σ(v) */
  guint   *first;       /* by place: its successors are next[first[i] … first[i + 1]) */
  guint   *next;        /* the edges of the shortest-path DAG, by their tail: places */
} Work;

/* Step 3, forwards: the breadth-first search from @s, counting the
 * shortest paths. Everything is kept by place in the order, so that the
 * walk back reads it in sequence. No branch depends on the data (they
 * would be mispredicted half the time): each neighbour is appended to
 * the order and to the DAG, and counted only when new, or a successor. */
static guint
search_from (const Core *core,
             Work       *work,
             guint       s)
{
  const guint *offsets = core->csr.offsets, *adj = core->csr.adj;
  guint *pos = work->pos, *order = work->order, *first = work->first, *next = work->next;
  double *sigma = work->sigma;
  guint tail = 1, m = 0, level_end = 1;

  pos[s] = 0;
  sigma[0] = 1;
  order[0] = s;
  for (guint head = 0; head < tail; head++)
    {
      guint v = order[head];
      double paths = sigma[head];

      if (head == level_end)  /* the next level: it ends where the search is now */
        level_end = tail;
      first[head] = m;
      for (guint k = offsets[v]; k < offsets[v + 1]; k++)
        {
          guint u = adj[k], p = pos[u];
          gboolean fresh = p == G_MAXUINT, successor;

          p = fresh ? tail : p;
          pos[u] = p;
          order[tail] = u;
          tail += fresh;
          successor = p >= level_end;
          sigma[p] += successor ? paths : 0.0;
          next[m] = p;
          m += successor;
        }
    }
  first[tail] = m;
  return tail;
}

/* Step 3 for one source @s: adds w(s)·δ_s(v) to @sum[v]. */
static void
add_source (const Core *core,
            Work       *work,
            guint       s,
            double     *sum)
{
  const double *weight = core->weight;
  const guint *order = work->order, *first = work->first, *next = work->next;
  const double *sigma = work->sigma;
  double *coeff = work->coeff;
  guint tail = search_from (core, work, s);

  /* back from the farthest; the source (place 0) is no intermediate node */
  for (guint i = tail - 1; i > 0; i--)
    {
      guint v = order[i];
      double total = 0, delta;

      for (guint j = first[i]; j < first[i + 1]; j++)
        total += coeff[next[j]];
      delta = sigma[i] * total;
      sum[v] += weight[s] * delta;
      coeff[i] = (weight[v] + delta) / sigma[i];
    }
  for (guint i = 0; i < tail; i++)
    work->pos[order[i]] = G_MAXUINT;
  memset (work->sigma, 0, sizeof (double) * tail);
}

/* Step 3, batched (kw-graph-brandes.h) */

#define N_LANES 8
#define BYTES(x) ((guint64) (guint8) (x) * G_GUINT64_CONSTANT (0x0101010101010101))
#define LOW7 G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f)

typedef double Lanes __attribute__ ((vector_size (8 * N_LANES)));
typedef gint64 LaneMask __attribute__ ((vector_size (8 * N_LANES)));

/* lane bits → all ones in the lanes set, as a vector and as bytes */
static LaneMask lane_mask[256];
static guint64 lane_bytes[256];

static void
lane_tables_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint bits = 0; bits < 256; bits++)
    for (guint l = 0; l < N_LANES; l++)
      if (bits & (1u << l))
        {
          lane_mask[bits][l] = -1;
          lane_bytes[bits] |= G_GUINT64_CONSTANT (0xff) << (8 * l);
        }
  g_once_init_leave (&done, 1);
}

/* The lanes (bits) in which the byte of @levels is @level. */
static inline guint
lanes_at (guint64 levels,
          guint64 level)
{
  guint64 x = levels ^ level;
  guint64 zero = ~(((x & LOW7) + LOW7) | x | LOW7);  /* 0x80 in each zero byte */

  return (guint) (((zero >> 7) * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56);
}

void
_kw_brandes_batch_init (KwBrandesBatch *batch,
                        guint           lanes,
                        guint           n)
{
  gsize cells = (gsize) lanes * MAX (n, 1);

  batch->lanes = lanes;
  batch->n = n;
  batch->sigma = g_aligned_alloc0 (cells, sizeof (double), 64);
  batch->level = g_aligned_alloc (cells, 1, 64);
  memset (batch->level, KW_BRANDES_UNSEEN, cells);
  batch->n_words = (n + 63) / 64;
  batch->next = g_new0 (guint64, MAX (batch->n_words, 1));
  /* a node is visited at most once per level and lane */
  batch->visit = g_new (guint, cells + lanes);
  batch->level_start = g_new (guint, KW_BRANDES_MAX_LEVEL + 3);
}

void
_kw_brandes_batch_clear (KwBrandesBatch *batch)
{
  g_clear_pointer (&batch->sigma, g_aligned_free);
  g_clear_pointer (&batch->level, g_aligned_free);
  g_clear_pointer (&batch->next, g_free);
  g_clear_pointer (&batch->visit, g_free);
  g_clear_pointer (&batch->level_start, g_free);
}

/* The portable kernel: eight lanes, their levels in one 64-bit word
 * (lanes_at () finds the lanes at a level without a branch) and their
 * doubles in one cache line (GCC's vector types: SSE2, NEON or plain).
 *
 * Out, level by level, in one walk of each node's neighbours: σ summed
 * from those one level nearer in the node's lanes, and the neighbours
 * not reached yet in those lanes put on the next level. Back, from the
 * farthest: (w + δ)/σ summed from those one level farther. */
gboolean
_kw_brandes_batch_generic (const KwBrandesCore *core,
                           KwBrandesBatch      *batch,
                           guint                first,
                           guint                lanes,
                           double              *sum)
{
  const guint *offsets = core->csr.offsets, *adj = core->csr.adj;
  guint64 *levels = (guint64 *) batch->level, *next = batch->next;
  Lanes *sigma = (Lanes *) batch->sigma;
  const guint *visit = batch->visit;
  guint *start = batch->level_start;
  Lanes source_weight, one = { 1, 1, 1, 1, 1, 1, 1, 1 };
  guint tail = _kw_brandes_batch_start (batch, core, first, lanes, (double *) &source_weight), depth;

  g_assert (batch->lanes == N_LANES);
  for (depth = 0; start[depth + 1] > start[depth]; depth++)
    {
      guint64 here = BYTES (depth), nearer = BYTES (depth - 1), farther = BYTES (depth + 1);
      guint64 unseen = BYTES (KW_BRANDES_UNSEEN);

      if (!_kw_brandes_batch_may_go_on (batch, depth, tail))
        return FALSE;
      for (guint i = start[depth]; i < start[depth + 1]; i++)
        {
          guint v = visit[i], reach = lanes_at (levels[v], here);
          Lanes total = { 0 };

          for (guint k = offsets[v]; k < offsets[v + 1]; k++)
            {
              guint u = adj[k];
              guint64 at = levels[u];
              guint fresh = reach & lanes_at (at, unseen);
              guint64 bytes = lane_bytes[fresh];

              /* at level 0 "nearer" is "not reached": σ 0 there */
              total += (Lanes) (lane_mask[reach & lanes_at (at, nearer)] & (LaneMask) sigma[u]);
              next[u >> 6] |= (guint64) (fresh != 0) << (u & 63);
              levels[u] = (at & ~bytes) | (farther & bytes);
            }
          sigma[v] += total;
        }
      tail = _kw_brandes_batch_take_next (batch, tail);
      start[depth + 2] = tail;
    }
  /* back, from the farthest; the sources (level 0) are no intermediate nodes */
  for (guint d = depth - 1; d > 0; d--)
    {
      guint64 here = BYTES (d), farther = BYTES (d + 1);

      for (guint i = start[d]; i < start[d + 1]; i++)
        {
          guint v = visit[i], reach = lanes_at (levels[v], here);
          LaneMask mask = lane_mask[reach];
          Lanes total = { 0 }, delta, w, paths, value;

          for (guint k = offsets[v]; d + 1 < depth && k < offsets[v + 1]; k++)
            {
              guint u = adj[k];

              total += (Lanes) (lane_mask[reach & lanes_at (levels[u], farther)] & (LaneMask) sigma[u]);
            }
          delta = sigma[v] * total;  /* 0 outside @reach */
          w = delta * source_weight;
          /* the order of the AVX2 kernel's sum: lanes l and l + 4, then pairs */
          sum[v] += ((w[0] + w[4]) + (w[2] + w[6])) + ((w[1] + w[5]) + (w[3] + w[7]));
          /* 1 outside @reach: no division by 0 */
          paths = (Lanes) (((LaneMask) sigma[v] & mask) | ((LaneMask) one & ~mask));
          value = (core->weight[v] + delta) / paths;
          sigma[v] = (Lanes) (((LaneMask) value & mask) | ((LaneMask) sigma[v] & ~mask));
        }
    }
  _kw_brandes_batch_reset (batch, tail);
  return TRUE;
}

/* A thread's loop: takes the next block of sources until none is left. */
static gpointer
run_blocks (gpointer data)
{
  Job *job = data;
  guint n = job->core->csr.n;
  Work work = {
    g_new (guint, n + 1), g_new (guint, n + 1), g_new0 (double, n + 1), g_new (double, n + 1),
    g_new (guint, n + 2), g_new (guint, MAX (job->core->csr.offsets[n], 1)),
  };
  KwBrandesBatch batch;
  gint block;

  _kw_brandes_batch_init (&batch, job->lanes, n);
  memset (work.pos, 0xff, sizeof (guint) * (n + 1));
  while ((block = g_atomic_int_add (&job->next_block, 1)) < N_BLOCKS)
    {
      guint from = (guint) ((guint64) n * (guint) block / N_BLOCKS);
      guint to = (guint) ((guint64) n * (guint) (block + 1) / N_BLOCKS);

      job->partial[block] = g_new0 (double, MAX (n, 1));
      for (guint s = from; s < to; s += job->lanes)
        {
          guint lanes = MIN (job->lanes, to - s);

          if (!job->kernel (job->core, &batch, s, lanes, job->partial[block]))
            for (guint l = 0; l < lanes; l++)
              add_source (job->core, &work, s + l, job->partial[block]);
        }
    }
  _kw_brandes_batch_clear (&batch);
  g_free (work.pos);
  g_free (work.order);
  g_free (work.sigma);
  g_free (work.coeff);
  g_free (work.first);
  g_free (work.next);
  return NULL;
}

/* Step 3: Σ_s w(s)·δ_s(v) for every core node, in @n_threads threads. */
static double *
core_sums (const Core      *core,
           guint            n_threads,
           KwBrandesKernel  kernel)
{
  Job job = { core, NULL, 0, { NULL }, 0 };
  GThread *threads[N_BLOCKS];
  double *sum = g_new0 (double, MAX (core->csr.n, 1));

  switch (kernel)
    {
#ifdef KW_BRANDES_X86
    case KW_BRANDES_KERNEL_AVX512:
      job.kernel = _kw_brandes_batch_avx512;
      job.lanes = 16;
      break;
    case KW_BRANDES_KERNEL_AVX2:
      job.kernel = _kw_brandes_batch_avx2;
      job.lanes = 8;
      break;
#endif
    default:
      job.kernel = _kw_brandes_batch_generic;
      job.lanes = N_LANES;
      break;
    }
  n_threads = CLAMP (n_threads, 1, N_BLOCKS);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("kw-brandes", run_blocks, &job);
  run_blocks (&job);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  for (guint b = 0; b < N_BLOCKS; b++)
    {
      for (guint v = 0; v < core->csr.n; v++)
        sum[v] += job.partial[b][v];
      g_free (job.partial[b]);
    }
  return sum;
}

gboolean
_kw_graph_brandes_kernel_supported (KwBrandesKernel kernel)
{
  switch (kernel)
    {
    case KW_BRANDES_KERNEL_AUTO:
    case KW_BRANDES_KERNEL_GENERIC:
      return TRUE;
#ifdef KW_BRANDES_X86
    case KW_BRANDES_KERNEL_AVX2:
      return __builtin_cpu_supports ("avx2");
    case KW_BRANDES_KERNEL_AVX512:
      return __builtin_cpu_supports ("avx512f") && __builtin_cpu_supports ("avx512bw")
             && __builtin_cpu_supports ("avx512vl");
#endif
    default:
      return FALSE;
    }
}

/* The fastest kernel this machine has; KWARTIER_BRANDES=generic, avx2
 * or avx512 chooses one (for benchmarks and tests). */
static KwBrandesKernel
best_kernel (void)
{
  static const struct { const char *name; KwBrandesKernel kernel; } named[] = {
    { "generic", KW_BRANDES_KERNEL_GENERIC },
    { "avx2", KW_BRANDES_KERNEL_AVX2 },
    { "avx512", KW_BRANDES_KERNEL_AVX512 },
  };
  const char *wanted = g_getenv ("KWARTIER_BRANDES");

  for (guint i = 0; wanted != NULL && i < G_N_ELEMENTS (named); i++)
    if (g_str_equal (wanted, named[i].name) && _kw_graph_brandes_kernel_supported (named[i].kernel))
      return named[i].kernel;
  if (_kw_graph_brandes_kernel_supported (KW_BRANDES_KERNEL_AVX512))
    return KW_BRANDES_KERNEL_AVX512;
  if (_kw_graph_brandes_kernel_supported (KW_BRANDES_KERNEL_AVX2))
    return KW_BRANDES_KERNEL_AVX2;
  return KW_BRANDES_KERNEL_GENERIC;
}

const char *
_kw_graph_brandes_kernel_name (KwBrandesKernel kernel)
{
  if (kernel == KW_BRANDES_KERNEL_AUTO)
    kernel = best_kernel ();
  switch (kernel)
    {
    case KW_BRANDES_KERNEL_AVX2:
      return "avx2";
    case KW_BRANDES_KERNEL_AVX512:
      return "avx512";
    default:
      return "generic";
    }
}

static guint
default_threads (guint n_core)
{
  if (n_core < THREADED_FROM)
    return 1;
  return CLAMP (g_get_num_processors (), 1, 4);
}

double *
_kw_graph_betweenness (KwGraph *graph,
                       guint    n_threads)
{
  return _kw_graph_betweenness_with (graph, n_threads, KW_BRANDES_KERNEL_AUTO);
}

double *
_kw_graph_betweenness_with (KwGraph         *graph,
                            guint            n_threads,
                            KwBrandesKernel  kernel)
{
  guint n;
  Csr g = { 0 };
  Core core = { { 0 } };
  g_autofree guint *component = NULL;
  g_autofree guint64 *weight = NULL, *squares = NULL;
  g_autofree gboolean *removed = NULL;
  g_autofree double *sums = NULL;
  double *betweenness;

  g_return_val_if_fail (graph != NULL, NULL);

  n = graph->nodes->len;
  csr_from_graph (&g, graph);
  component = component_sizes (&g);
  weight = g_new (guint64, MAX (n, 1));
  squares = g_new0 (guint64, MAX (n, 1));
  removed = g_new0 (gboolean, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    weight[v] = 1;
  prune_leaves (&g, weight, squares, removed);
  core_init (&core, &g, weight, removed);
  core_renumber (&core);
  lane_tables_init ();
  if (kernel == KW_BRANDES_KERNEL_AUTO)
    kernel = best_kernel ();
  g_return_val_if_fail (_kw_graph_brandes_kernel_supported (kernel), NULL);
  sums = core_sums (&core, n_threads > 0 ? n_threads : default_threads (core.csr.n), kernel);

  betweenness = g_new (double, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    {
      guint64 a = weight[v] - 1, c = component[v] - weight[v];

      /* step 2, exact in integers: a² − Σ b_i² is twice a count */
      betweenness[v] = (double) (a * c + (a * a - squares[v]) / 2);
    }
  for (guint i = 0; i < core.csr.n; i++)
    betweenness[core.node[i]] += sums[i] / 2;
  core_clear (&core);
  csr_clear (&g);
  return betweenness;
}
