"""Golden values for the emulator's data checks, computed independently with numpy and scipy.

Run from this folder: python3 goldens.py (numpy 2.x, scipy 1.17). It writes the fixture CSVs and
goldens.json; DataChecksGoldenTest reads both and never calls Python. The binning rule is the
emulator's documented policy (bins at reference quantiles, B = clamp(min(n, m) // 100, 10, 100),
+1 smoothing), written here from its description, not from the Java code.
"""
import csv
import json
import math

import numpy as np
from scipy import stats

out = {}

# RIME's two worked examples
p = np.array([100, 200]) + 1
q = np.array([25, 150]) + 1
p = p / p.sum()
q = q / q.sum()
out["rime_psi_example"] = float(np.sum((q - p) * np.log(q / p)))
chi2, pval, _, _ = stats.chi2_contingency([[100, 1900], [100, 1400]], correction=True)
out["rime_null_example_p"] = float(pval)


def psi(ref_counts, eval_counts):
    r = np.asarray(ref_counts, dtype=float) + 1
    e = np.asarray(eval_counts, dtype=float) + 1
    r /= r.sum()
    e /= e.sum()
    return float(np.sum((e - r) * np.log(e / r)))


def numeric_psi(ref, ev):
    ref = np.sort(np.asarray(ref, dtype=float))
    ev = np.asarray(ev, dtype=float)
    s = len(ref)
    g = min(1000, s)
    idx = [math.ceil(i * s / g) - 1 for i in range(1, g + 1)]
    edges = np.unique(ref[idx])
    # cell j holds (edges[j-1], edges[j]]; the last cell holds values above every edge
    ref_cells = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)
    ev_cells = np.bincount(np.searchsorted(edges, ev, side="left"), minlength=len(edges) + 1)
    n, m = len(ref), len(ev)
    bins = max(10, min(100, min(n, m) // 100))
    rb = np.zeros(bins)
    eb = np.zeros(bins)
    used = np.zeros(bins, dtype=bool)
    cum = 0.0
    for c in range(len(ref_cells)):
        b = min(bins - 1, math.floor(cum * bins / n))
        rb[b] += ref_cells[c]
        eb[b] += ev_cells[c]
        used[b] = True
        cum += ref_cells[c]
    return psi(rb[used], eb[used]), int(used.sum())


rng = np.random.default_rng(20261207)

# numeric drift: N(0, 1), 5,000 reference rows, against N(0.3, 1), 4,000 evaluation rows
ref_x = np.round(rng.normal(0, 1, 5000), 6)
eval_x = np.round(rng.normal(0.3, 1, 4000), 6)
# categorical drift: four categories with shifted frequencies
ref_c = rng.choice(["a", "b", "c", "d"], 5000, p=[0.4, 0.3, 0.2, 0.1])
eval_c = rng.choice(["a", "b", "c", "d", "e"], 4000, p=[0.3, 0.3, 0.2, 0.15, 0.05])
with open("drift_ref.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["x", "c"])
    w.writerows(zip([repr(float(v)) for v in ref_x], ref_c))
with open("drift_eval.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["x", "c"])
    w.writerows(zip([repr(float(v)) for v in eval_x], eval_c))
value, bins = numeric_psi(ref_x, eval_x)
ks = stats.ks_2samp(ref_x, eval_x, method="asymp")
out["numeric"] = {"psi": value, "num_bins": bins, "ks_statistic": float(ks.statistic),
                  "ks_p_value_scipy_asymp": float(ks.pvalue)}
cats = ["a", "b", "c", "d", "e"]
rc = [int(np.sum(ref_c == k)) for k in cats]
ec = [int(np.sum(eval_c == k)) for k in cats]
chi2, pval, _, _ = stats.chi2_contingency([rc, ec], correction=False)
out["categorical"] = {"psi": psi(rc, ec), "chi_squared_p_value": float(pval), "unseen_rows": ec[4]}

# outliers: bounds from the reference mean +- 3 sample standard deviations
mu, sd = float(np.mean(ref_x)), float(np.std(ref_x, ddof=1))
ref_out = int(np.sum((ref_x < mu - 3 * sd) | (ref_x > mu + 3 * sd)))
ev_out = int(np.sum((eval_x < mu - 3 * sd) | (eval_x > mu + 3 * sd)))
chi2, pval, _, _ = stats.chi2_contingency([[ev_out, 4000 - ev_out], [ref_out, 5000 - ref_out]], correction=True)
out["outliers"] = {"lower_bound": mu - 3 * sd, "upper_bound": mu + 3 * sd, "count": ev_out,
                   "ref_rate": ref_out / 5000, "p_value": float(pval)}

with open("goldens.json", "w") as f:
    json.dump(out, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(out, indent=2, sort_keys=True))
