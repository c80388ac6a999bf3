/* kw-graph-brandes.h: the batched Brandes searches of kw-graph-centrality.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch is 8 or 16 sources searched at once, level by level: each node
 * has a byte per lane (its level from that lane's source, 0xff: not
 * reached) and a double per lane that holds σ (the shortest paths from
 * the source) while the searches go out, and (w + δ) / σ once the walk
 * back has passed it in that lane. One array for both halves what the
 * walk back reads. A level's nodes are kept in a bitmap while the level
 * before is searched and read out of it in order, so that every level is
 * walked in the order of the numbering (breadth-first: neighbours are
 * close in memory).
 *
 * The kernels (one per instruction set) do the same sums in the same
 * order for the same number of lanes; kw-graph-centrality.c chooses one
 * for the machine.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef struct {
  guint   n;
  guint  *offsets;      /* the neighbours of v are adj[offsets[v] … offsets[v + 1]) */
  guint  *adj;
} KwBrandesCsr;

typedef struct {
  KwBrandesCsr  csr;    /* the core, renumbered 0 … n − 1 */
  double       *weight; /* w: 1 + the nodes pruned into it */
  guint        *node;   /* core index → graph index */
} KwBrandesCore;

/* levels are bytes; 0xff: not reached */
#define KW_BRANDES_MAX_LEVEL 254
#define KW_BRANDES_UNSEEN 0xff

typedef struct {
  guint     lanes;        /* 8 or 16 */
  guint     n;
  double   *sigma;        /* n × lanes, 64-byte aligned: σ, then (w + δ) / σ */
  guint8   *level;        /* n × lanes bytes, 16-byte aligned */
  guint64  *next;         /* bitmap of the nodes of the next level */
  guint     n_words;
  guint    *visit;        /* the nodes of each level, in order (the lanes in
                           * which a node is at level d are those whose byte is d) */
  guint    *level_start;  /* level d: visit[level_start[d] … level_start[d + 1]) */
} KwBrandesBatch;

void      _kw_brandes_batch_init   (KwBrandesBatch      *batch,
                                    guint                lanes,
                                    guint                n);
void      _kw_brandes_batch_clear  (KwBrandesBatch      *batch);

/* Each adds, for the sources @first … @first + @lanes − 1 (@lanes at
 * most batch->lanes), Σ_l w(s_l)·δ_{s_l}(v) to @sum[v]; FALSE (nothing
 * added, @batch clean again) when the searches go deeper than
 * KW_BRANDES_MAX_LEVEL. */
typedef gboolean (*KwBrandesKernelFunc) (const KwBrandesCore *core,
                                         KwBrandesBatch      *batch,
                                         guint                first,
                                         guint                lanes,
                                         double              *sum);

gboolean  _kw_brandes_batch_generic (const KwBrandesCore *core,
                                     KwBrandesBatch      *batch,
                                     guint                first,
                                     guint                lanes,
                                     double              *sum);

#if defined(__x86_64__) && defined(__GNUC__)
#define KW_BRANDES_X86 1
/* kw-graph-brandes-x86.c: 8 lanes with AVX2, 16 with AVX-512 (F, BW, VL) */
gboolean  _kw_brandes_batch_avx2    (const KwBrandesCore *core,
                                     KwBrandesBatch      *batch,
                                     guint                first,
                                     guint                lanes,
                                     double              *sum);
gboolean  _kw_brandes_batch_avx512  (const KwBrandesCore *core,
                                     KwBrandesBatch      *batch,
                                     guint                first,
                                     guint                lanes,
                                     double              *sum);
#endif

/* The start of a batch: each source at level 0 in its lane, σ = 1, the
 * sources as the visits of level 0, and @weights[l] = w(s_l) (0 in the
 * lanes beyond @lanes). Returns the visits so far. */
static inline guint
_kw_brandes_batch_start (KwBrandesBatch      *batch,
                         const KwBrandesCore *core,
                         guint                first,
                         guint                lanes,
                         double              *weights)
{
  g_assert (lanes <= batch->lanes);
  memset (weights, 0, sizeof (double) * batch->lanes);
  for (guint l = 0; l < lanes; l++)
    {
      guint s = first + l;

      batch->level[(gsize) batch->lanes * s + l] = 0;
      batch->sigma[(gsize) batch->lanes * s + l] = 1;
      batch->visit[l] = s;
      weights[l] = core->weight[s];
    }
  batch->level_start[0] = 0;
  batch->level_start[1] = lanes;
  return lanes;
}

/* Appends the nodes of the next level, read out of the bitmap in order
 * (and the bitmap cleared); returns the new number of visits. */
static inline guint
_kw_brandes_batch_take_next (KwBrandesBatch *batch,
                             guint           tail)
{
  for (guint w = 0; w < batch->n_words; w++)
    {
      guint64 bits = batch->next[w];

      batch->next[w] = 0;
      while (bits != 0)
        {
          batch->visit[tail++] = (w << 6) | (guint) __builtin_ctzll (bits);
          bits &= bits - 1;
        }
    }
  return tail;
}

/* Leaves every node the batch reached as it was before it. */
static inline void
_kw_brandes_batch_reset (KwBrandesBatch *batch,
                         guint           visits)
{
  for (guint i = 0; i < visits; i++)
    {
      gsize at = (gsize) batch->lanes * batch->visit[i];

      memset (batch->level + at, KW_BRANDES_UNSEEN, batch->lanes);
      memset (batch->sigma + at, 0, sizeof (double) * batch->lanes);
    }
}

/* Whether the searches may go out from level @depth: its next level
 * must fit in a byte. If not, cleans @batch (@visits so far). */
static inline gboolean
_kw_brandes_batch_may_go_on (KwBrandesBatch *batch,
                             guint           depth,
                             guint           visits)
{
  if (depth + 1 <= KW_BRANDES_MAX_LEVEL)
    return TRUE;
  _kw_brandes_batch_reset (batch, visits);
  return FALSE;
}

G_END_DECLS
