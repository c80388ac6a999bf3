/* kw-graph-brandes-x86.c: the batched Brandes searches with AVX2 and AVX-512
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kernels of kw-graph-brandes.h for x86-64 processors that have
 * them (kw-graph-centrality.c asks the processor first): the same walk
 * out and back as _kw_brandes_batch_generic (), with the lanes' levels
 * compared in one instruction and the lanes' doubles added under a mask.
 *
 * - AVX2: eight lanes (two 256-bit registers), the same sums in the same
 *   order as the generic kernel: the same bits.
 * - AVX-512 (F, BW, VL): sixteen lanes (two 512-bit registers; a byte
 *   compare gives the mask registers directly). Sixteen sources share a
 *   walk, so a node is visited once for about a fifth of them instead of
 *   a third with eight.
 */
#define G_LOG_DOMAIN "kw-graph"

#include "config.h"

#include "kw-graph-brandes.h"

#ifdef KW_BRANDES_X86

#include <immintrin.h>

#define AVX2 __attribute__ ((target ("avx2")))
#define AVX512 __attribute__ ((target ("avx512f,avx512bw,avx512vl")))

/* the byte lanes of @m as four 64-bit lanes, from byte 4 * @quarter */
#define WIDEN(m, quarter) \
  _mm256_castsi256_pd (_mm256_cvtepi8_epi64 (_mm_srli_si128 ((m), 4 * (quarter))))

AVX2 static inline __m128i
levels8 (const guint8 *level,
         guint         v)
{
  return _mm_loadl_epi64 ((const __m128i *) (level + 8 * (gsize) v));
}

AVX2 gboolean
_kw_brandes_batch_avx2 (const KwBrandesCore *core,
                        KwBrandesBatch      *batch,
                        guint                first,
                        guint                lanes,
                        double              *sum)
{
  const guint *offsets = core->csr.offsets, *adj = core->csr.adj;
  guint8 *level = batch->level;
  guint64 *next = batch->next;
  double *sigma = batch->sigma;
  const guint *visit = batch->visit;
  guint *start = batch->level_start;
  /* the upper eight bytes of a 128-bit compare are no lanes */
  const __m128i low = _mm_set_epi64x (0, -1), unseen = _mm_set1_epi8 ((char) KW_BRANDES_UNSEEN);
  const __m256d one = _mm256_set1_pd (1);
  double weights[8];
  guint tail = _kw_brandes_batch_start (batch, core, first, lanes, weights), depth;
  __m256d source_weight0, source_weight1;

  g_assert (batch->lanes == 8);
  source_weight0 = _mm256_loadu_pd (weights);
  source_weight1 = _mm256_loadu_pd (weights + 4);
  for (depth = 0; start[depth + 1] > start[depth]; depth++)
    {
      const __m128i here = _mm_set1_epi8 ((char) depth), nearer = _mm_set1_epi8 ((char) (depth - 1));
      const __m128i farther = _mm_set1_epi8 ((char) (depth + 1));

      if (!_kw_brandes_batch_may_go_on (batch, depth, tail))
        return FALSE;
      for (guint i = start[depth]; i < start[depth + 1]; i++)
        {
          guint v = visit[i];
          __m128i reach = _mm_and_si128 (low, _mm_cmpeq_epi8 (levels8 (level, v), here));
          __m256d total0 = _mm256_setzero_pd (), total1 = _mm256_setzero_pd ();
          double *own = sigma + 8 * (gsize) v;

          for (guint k = offsets[v]; k < offsets[v + 1]; k++)
            {
              guint u = adj[k];
              __m128i at = levels8 (level, u);
              __m128i from = _mm_and_si128 (reach, _mm_cmpeq_epi8 (at, nearer));
              __m128i fresh = _mm_and_si128 (reach, _mm_cmpeq_epi8 (at, unseen));
              const double *theirs = sigma + 8 * (gsize) u;

              total0 = _mm256_add_pd (total0, _mm256_and_pd (WIDEN (from, 0), _mm256_load_pd (theirs)));
              total1 = _mm256_add_pd (total1, _mm256_and_pd (WIDEN (from, 1), _mm256_load_pd (theirs + 4)));
              next[u >> 6] |= (guint64) !_mm_testz_si128 (fresh, fresh) << (u & 63);
              _mm_storel_epi64 ((__m128i *) (level + 8 * (gsize) u), _mm_blendv_epi8 (at, farther, fresh));
            }
          _mm256_store_pd (own, _mm256_add_pd (_mm256_load_pd (own), total0));
          _mm256_store_pd (own + 4, _mm256_add_pd (_mm256_load_pd (own + 4), total1));
        }
      tail = _kw_brandes_batch_take_next (batch, tail);
      start[depth + 2] = tail;
    }
  for (guint d = depth - 1; d > 0; d--)
    {
      const __m128i here = _mm_set1_epi8 ((char) d), farther = _mm_set1_epi8 ((char) (d + 1));

      for (guint i = start[d]; i < start[d + 1]; i++)
        {
          guint v = visit[i];
          __m128i reach = _mm_and_si128 (low, _mm_cmpeq_epi8 (levels8 (level, v), here));
          __m256d total0 = _mm256_setzero_pd (), total1 = _mm256_setzero_pd ();
          __m256d mask0 = WIDEN (reach, 0), mask1 = WIDEN (reach, 1);
          __m256d weight = _mm256_set1_pd (core->weight[v]);
          double *own = sigma + 8 * (gsize) v;
          __m256d paths0 = _mm256_load_pd (own), paths1 = _mm256_load_pd (own + 4);
          __m256d delta0, delta1, w;
          __m128d pairs;

          for (guint k = offsets[v]; d + 1 < depth && k < offsets[v + 1]; k++)
            {
              guint u = adj[k];
              __m128i to = _mm_and_si128 (reach, _mm_cmpeq_epi8 (levels8 (level, u), farther));
              const double *theirs = sigma + 8 * (gsize) u;

              total0 = _mm256_add_pd (total0, _mm256_and_pd (WIDEN (to, 0), _mm256_load_pd (theirs)));
              total1 = _mm256_add_pd (total1, _mm256_and_pd (WIDEN (to, 1), _mm256_load_pd (theirs + 4)));
            }
          delta0 = _mm256_mul_pd (paths0, total0);
          delta1 = _mm256_mul_pd (paths1, total1);
          w = _mm256_add_pd (_mm256_mul_pd (delta0, source_weight0), _mm256_mul_pd (delta1, source_weight1));
          pairs = _mm_add_pd (_mm256_castpd256_pd128 (w), _mm256_extractf128_pd (w, 1));
          sum[v] += _mm_cvtsd_f64 (_mm_add_sd (pairs, _mm_unpackhi_pd (pairs, pairs)));
          _mm256_store_pd (own, _mm256_blendv_pd (paths0, _mm256_div_pd (_mm256_add_pd (weight, delta0),
                                                                          _mm256_blendv_pd (one, paths0, mask0)),
                                                  mask0));
          _mm256_store_pd (own + 4, _mm256_blendv_pd (paths1, _mm256_div_pd (_mm256_add_pd (weight, delta1),
                                                                              _mm256_blendv_pd (one, paths1, mask1)),
                                                      mask1));
        }
    }
  _kw_brandes_batch_reset (batch, tail);
  return TRUE;
}

AVX512 static inline __mmask16
lanes16 (const guint8 *level,
         guint         v,
         __m128i       at)
{
  return _mm_cmpeq_epi8_mask (_mm_load_si128 ((const __m128i *) (level + 16 * (gsize) v)), at);
}

AVX512 gboolean
_kw_brandes_batch_avx512 (const KwBrandesCore *core,
                          KwBrandesBatch      *batch,
                          guint                first,
                          guint                lanes,
                          double              *sum)
{
  const guint *offsets = core->csr.offsets, *adj = core->csr.adj;
  guint8 *level = batch->level;
  guint64 *next = batch->next;
  double *sigma = batch->sigma;
  const guint *visit = batch->visit;
  guint *start = batch->level_start;
  const __m128i unseen = _mm_set1_epi8 ((char) KW_BRANDES_UNSEEN);
  double weights[16];
  guint tail = _kw_brandes_batch_start (batch, core, first, lanes, weights), depth;
  __m512d source_weight0, source_weight1;

  g_assert (batch->lanes == 16);
  source_weight0 = _mm512_loadu_pd (weights);
  source_weight1 = _mm512_loadu_pd (weights + 8);
  for (depth = 0; start[depth + 1] > start[depth]; depth++)
    {
      const __m128i here = _mm_set1_epi8 ((char) depth), nearer = _mm_set1_epi8 ((char) (depth - 1));
      const __m128i farther = _mm_set1_epi8 ((char) (depth + 1));

      if (!_kw_brandes_batch_may_go_on (batch, depth, tail))
        return FALSE;
      for (guint i = start[depth]; i < start[depth + 1]; i++)
        {
          guint v = visit[i];
          __mmask16 reach = lanes16 (level, v, here);
          __m512d total0 = _mm512_setzero_pd (), total1 = _mm512_setzero_pd ();
          double *own = sigma + 16 * (gsize) v;

          for (guint k = offsets[v]; k < offsets[v + 1]; k++)
            {
              guint u = adj[k];
              __m128i *at = (__m128i *) (level + 16 * (gsize) u);
              __m128i levels = _mm_load_si128 (at);
              __mmask16 from = reach & _mm_cmpeq_epi8_mask (levels, nearer);
              __mmask16 fresh = reach & _mm_cmpeq_epi8_mask (levels, unseen);
              const double *theirs = sigma + 16 * (gsize) u;

              total0 = _mm512_mask_add_pd (total0, (__mmask8) from, total0, _mm512_load_pd (theirs));
              total1 = _mm512_mask_add_pd (total1, (__mmask8) (from >> 8), total1, _mm512_load_pd (theirs + 8));
              next[u >> 6] |= (guint64) (fresh != 0) << (u & 63);
              _mm_store_si128 (at, _mm_mask_mov_epi8 (levels, fresh, farther));
            }
          _mm512_store_pd (own, _mm512_add_pd (_mm512_load_pd (own), total0));
          _mm512_store_pd (own + 8, _mm512_add_pd (_mm512_load_pd (own + 8), total1));
        }
      tail = _kw_brandes_batch_take_next (batch, tail);
      start[depth + 2] = tail;
    }
  for (guint d = depth - 1; d > 0; d--)
    {
      const __m128i here = _mm_set1_epi8 ((char) d), farther = _mm_set1_epi8 ((char) (d + 1));

      for (guint i = start[d]; i < start[d + 1]; i++)
        {
          guint v = visit[i];
          __mmask16 reach = lanes16 (level, v, here);
          __m512d total0 = _mm512_setzero_pd (), total1 = _mm512_setzero_pd ();
          __m512d weight = _mm512_set1_pd (core->weight[v]);
          double *own = sigma + 16 * (gsize) v;
          __m512d paths0 = _mm512_load_pd (own), paths1 = _mm512_load_pd (own + 8);
          __m512d delta0, delta1;

          for (guint k = offsets[v]; d + 1 < depth && k < offsets[v + 1]; k++)
            {
              guint u = adj[k];
              __mmask16 to = reach & lanes16 (level, u, farther);
              const double *theirs = sigma + 16 * (gsize) u;

              total0 = _mm512_mask_add_pd (total0, (__mmask8) to, total0, _mm512_load_pd (theirs));
              total1 = _mm512_mask_add_pd (total1, (__mmask8) (to >> 8), total1, _mm512_load_pd (theirs + 8));
            }
          delta0 = _mm512_mul_pd (paths0, total0);
          delta1 = _mm512_mul_pd (paths1, total1);
          sum[v] += _mm512_reduce_add_pd (_mm512_add_pd (_mm512_mul_pd (delta0, source_weight0),
                                                         _mm512_mul_pd (delta1, source_weight1)));
          /* (w + δ) / σ in the lanes of this level; the others stay */
          _mm512_store_pd (own, _mm512_mask_div_pd (paths0, (__mmask8) reach,
                                                    _mm512_add_pd (weight, delta0), paths0));
          _mm512_store_pd (own + 8, _mm512_mask_div_pd (paths1, (__mmask8) (reach >> 8),
                                                        _mm512_add_pd (weight, delta1), paths1));
        }
    }
  _kw_brandes_batch_reset (batch, tail);
  return TRUE;
}

#endif
