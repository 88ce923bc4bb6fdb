# Computes the R reference values used by org.earmark.agreement tests (RReferenceTablesTest).
# Run from this folder:  Rscript r-reference.R
# Needs the CRAN packages irr (0.84.1), irrCAC (1.0) and psych (2.2.9) installed; this script only
# *uses* them. It writes random-N.csv (long format unit,coder,value; empty value = missing) and
# random-N.expected.csv (statistic,value,how) for each seeded random table.
#
# Where irr 0.84.1 is known to be wrong, the reference is computed another way and both are written:
#  * kripp.alpha on complete data with 3+ coders divides pair counts by 1 instead of m_u - 1
#    (its coincidence matrix uses mc <- rep(1, ...) when no value is NA). Appending one all-NA unit
#    (which has no pairable values, so Krippendorff's alpha is unchanged) makes irr take its
#    missing-data branch, which implements Krippendorff (2011) correctly. The raw irr value is
#    written as krippendorff_alpha_irr_raw so the test can document the difference.
#  * kappa2 sorts numeric levels as text ("10" < "2") before building linear/quadratic weights.
#    Passing zero-padded ranks of the distinct observed values (so text order is numeric order) gives
#    the numerically ordered weights; the text-ordered irr value is written as *_irr_text_order.
# ICC: psych::ICC(lmer = FALSE), i.e. the Shrout & Fleiss (1979) ANOVA mean squares (psych's default
# lmer = TRUE gives the same numbers unless a variance component estimate is negative).
suppressMessages({ library(irr); library(irrCAC); library(psych) })
options(warn = -1)  # kripp.alpha warns "NAs introduced by coercion" for text values; harmless at nominal level

versions <- sprintf("%s; irr %s; irrCAC %s; psych %s", R.version.string, packageVersion("irr"),
                    packageVersion("irrCAC"), packageVersion("psych"))

write_table <- function(name, x) {
  # x: units (rows) x coders (columns)
  rows <- list()
  for (u in seq_len(nrow(x))) for (c in seq_len(ncol(x))) {
    v <- x[u, c]
    rows[[length(rows) + 1]] <- data.frame(unit = rownames(x)[u], coder = colnames(x)[c],
                                           value = ifelse(is.na(v), "", as.character(v)))
  }
  long <- do.call(rbind, rows)
  long <- long[sample(nrow(long)), ]   # row order must not matter
  write.csv(long, paste0(name, ".csv"), row.names = FALSE, quote = TRUE, na = "")
}

fmt <- function(v) if (is.null(v) || is.na(v)) "NA" else sprintf("%.15g", v)
# irrCAC rounds coeff.val to 5 decimals; its pa and pe are not rounded, so (pa - pe) / (1 - pe) is.
unrounded <- function(est) (est$pa - est$pe) / (1 - est$pe)

reference <- function(name, x, level) {
  write_table(name, x)
  out <- data.frame(statistic = character(), value = character(), how = character())
  add <- function(stat, v, how) out[nrow(out) + 1, ] <<- c(stat, fmt(v), how)
  add("level", NA, level)
  complete <- x[complete.cases(x), , drop = FALSE]
  numeric <- level != "nominal"
  add("percent_agreement", agree(complete)$value / 100, "irr::agree(na.omit(x))$value / 100")
  if (ncol(x) == 2) {
    add("cohen_kappa", kappa2(x, "unweighted")$value, "irr::kappa2(x, 'unweighted')")
    if (numeric) {
      # ranks among the distinct observed values, zero-padded so that irr's text sort is the numeric order
      lev <- sort(unique(c(complete[, 1], complete[, 2])))
      ranks <- matrix(sprintf("%06d", match(complete, lev)), ncol = 2)
      add("cohen_kappa_linear", kappa2(ranks, "equal", sort.levels = TRUE)$value,
          "irr::kappa2 on zero-padded ranks of the observed values, 'equal', sort.levels = TRUE")
      add("cohen_kappa_quadratic", kappa2(ranks, "squared", sort.levels = TRUE)$value,
          "irr::kappa2 on zero-padded ranks of the observed values, 'squared', sort.levels = TRUE")
      add("cohen_kappa_linear_irr_text_order", kappa2(x, "equal")$value, "irr::kappa2(x, 'equal') (sorts levels as text)")
      add("cohen_kappa_quadratic_irr_text_order", kappa2(x, "squared")$value, "irr::kappa2(x, 'squared') (sorts levels as text)")
    }
  }
  if (level == "nominal") {
    add("fleiss_kappa", kappam.fleiss(complete)$value, "irr::kappam.fleiss(na.omit(x))")
    add("gwet_ac1", unrounded(gwet.ac1.raw(complete)$est), "irrCAC::gwet.ac1.raw(na.omit(x)), (pa - pe) / (1 - pe)")
    add("gwet_ac1_missing_allowed", unrounded(gwet.ac1.raw(x)$est), "irrCAC::gwet.ac1.raw(x) (all units), (pa - pe) / (1 - pe)")
  }
  kx <- t(as.matrix(x))
  add("krippendorff_alpha", kripp.alpha(cbind(kx, NA), level)$value,
      "irr::kripp.alpha(cbind(t(x), NA), level) (an all-NA unit forces irr's correct missing-data branch)")
  add("krippendorff_alpha_irr_raw", kripp.alpha(kx, level)$value, "irr::kripp.alpha(t(x), level)")
  if (level == "nominal" || level == "interval" || level == "ratio") {
    w <- c(nominal = "unweighted", interval = "quadratic", ratio = "ratio")[[level]]
    add("krippendorff_alpha_irrcac", unrounded(krippen.alpha.raw(x, weights = w)$est),
        paste0("irrCAC::krippen.alpha.raw(x, weights = '", w, "'), (pa - pe) / (1 - pe)"))
  }
  if (level == "interval" || level == "ratio") {
    icc <- ICC(complete, lmer = FALSE)$results
    for (i in 1:6) {
      t <- icc$type[i]
      add(paste0("icc.", t, ".value"), icc$ICC[i], "psych::ICC(na.omit(x), lmer = FALSE)")
      add(paste0("icc.", t, ".lbound"), icc[i, "lower bound"], "psych::ICC(na.omit(x), lmer = FALSE)")
      add(paste0("icc.", t, ".ubound"), icc[i, "upper bound"], "psych::ICC(na.omit(x), lmer = FALSE)")
    }
  }
  writeLines(c(paste0("# ", name, ": R reference values computed by r-reference.R with ", versions)),
             paste0(name, ".expected.csv"))
  suppressWarnings(write.table(out, paste0(name, ".expected.csv"), append = TRUE, sep = ",",
                               row.names = FALSE, col.names = TRUE, qmethod = "double"))
}

table_of <- function(values, units, coders) {
  x <- matrix(values, nrow = units, ncol = coders)
  rownames(x) <- sprintf("u%03d", seq_len(units))
  colnames(x) <- sprintf("coder%d", seq_len(coders))
  x
}
with_missing <- function(x, share) { x[runif(length(x)) < share] <- NA; x }
noisy_levels <- function(truth, coders, levels, keep) {
  # each coder copies the unit's true level with probability keep, else picks any level
  sapply(seq_len(coders), function(c) ifelse(runif(length(truth)) < keep, truth,
                                             sample(levels, length(truth), replace = TRUE)))
}

set.seed(20240517)
# 1: nominal text, 2 coders, 40 units, 10% missing
t1 <- noisy_levels(sample(c("yes", "no", "maybe"), 40, TRUE, prob = c(.5, .3, .2)), 2, c("yes", "no", "maybe"), .7)
reference("random-1", with_missing(table_of(t1, 40, 2), .1), "nominal")
# 2: ordinal 1..5, 2 coders, 50 units, 8% missing
t2 <- noisy_levels(sample(1:5, 50, TRUE), 2, 1:5, .6)
reference("random-2", with_missing(table_of(t2, 50, 2), .08), "ordinal")
# 3: nominal 1..4, 4 coders, 30 units, complete
t3 <- noisy_levels(sample(1:4, 30, TRUE, prob = c(.4, .3, .2, .1)), 4, 1:4, .65)
reference("random-3", table_of(t3, 30, 4), "nominal")
# 4: interval, 3 coders, 25 units, one decimal, complete
truth4 <- rnorm(25, 50, 10)
t4 <- round(sapply(c(0, 2, -1), function(bias) truth4 + bias + rnorm(25, 0, 4)), 1)
reference("random-4", table_of(t4, 25, 3), "interval")
# 5: ratio, 3 coders, 20 units, counts, 10% missing
truth5 <- rpois(20, 12)
t5 <- sapply(1:3, function(c) rpois(20, truth5))
reference("random-5", with_missing(table_of(t5, 20, 3), .1), "ratio")
# 6: ordinal 1..4, 3 coders, 30 units, complete
t6 <- noisy_levels(sample(1:4, 30, TRUE), 3, 1:4, .6)
reference("random-6", table_of(t6, 30, 3), "ordinal")
# 7: interval 1..12 (two-digit values), 2 coders, 30 units, complete
truth7 <- sample(1:12, 30, TRUE)
t7 <- sapply(1:2, function(c) pmin(12, pmax(1, truth7 + sample(-2:2, 30, TRUE))))
reference("random-7", table_of(t7, 30, 2), "interval")
# 8: nominal 1..3, 5 coders, 50 units, 30% missing
t8 <- noisy_levels(sample(1:3, 50, TRUE), 5, 1:3, .7)
reference("random-8", with_missing(table_of(t8, 50, 5), .3), "nominal")

# Published data sets (the published values are asserted in the tests; R adds full precision).
# Fleiss (1971) Table 1: 30 patients x 6 psychiatrists, 5 diagnoses (irr ships it as `diagnoses`).
data(diagnoses, package = "irr")
dx <- as.matrix(data.frame(lapply(diagnoses, as.character)))
rownames(dx) <- sprintf("p%02d", seq_len(nrow(dx)))
colnames(dx) <- sprintf("rater%d", seq_len(ncol(dx)))
reference("fleiss1971", dx, "nominal")
# Shrout & Fleiss (1979) Table 2: 6 targets x 4 judges.
sf <- matrix(c(9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8, 7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7), ncol = 4, byrow = TRUE)
rownames(sf) <- sprintf("t%d", 1:6)
colnames(sf) <- sprintf("judge%d", 1:4)
reference("shrout-fleiss-1979", sf, "interval")
