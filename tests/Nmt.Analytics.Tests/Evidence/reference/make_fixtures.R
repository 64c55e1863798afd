# Reference values for Nmt.Analytics.Evidence from R's metafor 3.8.1 (R 4.2).
# Run from this folder:  Rscript make_fixtures.R
# Writes the study tables in the toolkit's studies.csv format (inputs) and metafor's results (expected.json).
# Iterative estimators are run to tight tolerances (REML threshold 1e-12, PM/Q-profile uniroot tol 1e-12)
# so both implementations sit on the exact optimum/root; metafor's defaults (1e-5, eps^0.25) agree with
# these to about 4-5 significant digits.
suppressMessages(library(metafor))
library(jsonlite)

ctrl <- list(threshold = 1e-12, tol = 1e-12, maxiter = 1000)
nz <- function(x) if (is.null(x)) NA else x  # metafor returns NULL for what a fixed-effect model lacks
write_csv <- function(df, file) write.csv(df, file, row.names = FALSE, quote = TRUE)

# ---- input tables ---------------------------------------------------------------------------
bcg <- dat.bcg
bcg_tab <- data.frame(study = paste0(bcg$author, " ", bcg$year), ai = bcg$tpos, bi = bcg$tneg,
                      ci = bcg$cpos, di = bcg$cneg, ablat = bcg$ablat, alloc = bcg$alloc)
write_csv(bcg_tab, "bcg.csv")

nor <- dat.normand1999
nor_tab <- data.frame(study = nor$source, m1 = nor$m1i, sd1 = nor$sd1i, n1 = nor$n1i,
                      m2 = nor$m2i, sd2 = nor$sd2i, n2 = nor$n2i)
write_csv(nor_tab, "normand1999.csv")

mol <- escalc(measure = "ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
mol_tab <- data.frame(study = paste0(mol$authors, " ", mol$year), yi = as.numeric(mol$yi),
                      vi = as.numeric(mol$vi), meanage = mol$meanage)
write_csv(mol_tab, "molloy2014.csv")

# Semicolon-delimited on purpose: exercises delimiter detection.
niel <- dat.nielweise2007
niel_tab <- data.frame(study = paste0(niel$author, " ", niel$year), ai = niel$ai, bi = niel$n1i - niel$ai,
                       ci = niel$ci, di = niel$n2i - niel$ci)
write.table(niel_tab, "nielweise2007.csv", sep = ";", row.names = FALSE, quote = TRUE)

# ---- fits -----------------------------------------------------------------------------------
fit_case <- function(name, file, measure, dat, method, hk) {
  test <- if (hk) "knha" else "z"
  res <- rma(yi, vi, data = dat, method = method, test = test, control = ctrl)
  pr <- predict(res)
  prr <- predict(res, pi.type = "riley")
  out <- list(name = name, file = file, measure = measure, method = method, hk = hk, k = res$k,
              yi = as.numeric(dat$yi), vi = as.numeric(dat$vi), weights = as.numeric(weights(res)),
              estimate = as.numeric(res$beta), se = res$se, zval = res$zval, pval = res$pval,
              ci_lb = res$ci.lb, ci_ub = res$ci.ub, tau2 = res$tau2, i2 = res$I2, h2 = res$H2,
              q = res$QE, qp = res$QEp, pi_lb = nz(pr$pi.lb), pi_ub = nz(pr$pi.ub),
              pi_riley_lb = nz(prr$pi.lb), pi_riley_ub = nz(prr$pi.ub))
  if (method != "FE") {
    # tau2.max raised so the upper bound is the root itself, not metafor's default cap max(100, 10 * tau2)
    ci <- confint(res, control = list(tol = 1e-12, tau2.max = 1e5))
    out$tau2_lb <- ci$random["tau^2", "ci.lb"]; out$tau2_ub <- ci$random["tau^2", "ci.ub"]
    out$i2_lb <- ci$random["I^2(%)", "ci.lb"]; out$i2_ub <- ci$random["I^2(%)", "ci.ub"]
  }
  l1o <- leave1out(res)  # refits with res$control
  out$l1o <- list(estimate = as.numeric(l1o$estimate), se = l1o$se, pval = l1o$pval, ci_lb = l1o$ci.lb,
                  ci_ub = l1o$ci.ub, q = l1o$Q, qp = l1o$Qp, tau2 = if (method == "FE") rep(0, res$k) else l1o$tau2,
                  i2 = l1o$I2, h2 = l1o$H2)  # FE: tau2 is 0 by definition (metafor gives NULL)
  out
}

cases <- list()
methods <- c("FE", "DL", "REML", "PM")
add_cases <- function(name, file, measure, dat) {
  for (m in methods) for (hk in c(FALSE, TRUE)) {
    cases[[length(cases) + 1]] <<- fit_case(sprintf("%s %s %s%s", name, measure, m, if (hk) " HK" else ""),
                                            file, measure, dat, m, hk)
  }
}
add_cases("bcg", "bcg.csv", "RR", escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg))
add_cases("bcg", "bcg.csv", "OR", escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg))
add_cases("normand1999", "normand1999.csv", "MD", escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nor))
add_cases("normand1999", "normand1999.csv", "SMD", escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nor))
add_cases("molloy2014", "molloy2014.csv", "GEN", mol)
add_cases("nielweise2007", "nielweise2007.csv", "OR", escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = niel))
add_cases("nielweise2007", "nielweise2007.csv", "RR", escalc("RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = niel))
# Risk difference at escalc's defaults (add = 1/2, to = "only0"): nielweise2007 has zero cells.
add_cases("bcg", "bcg.csv", "RD", escalc("RD", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg))
add_cases("nielweise2007", "nielweise2007.csv", "RD", escalc("RD", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = niel))

# ---- meta-regression (one moderator) --------------------------------------------------------
bcg_rr <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
mol_gen <- mol
reg_case <- function(name, file, measure, dat, moderator, method, hk) {
  f <- as.formula(paste("~", moderator))
  res <- rma(yi, vi, mods = f, data = dat, method = method, test = if (hk) "knha" else "z", control = ctrl)
  list(name = name, file = file, measure = measure, moderator = moderator, method = method, hk = hk,
       terms = rownames(res$beta), estimate = as.numeric(res$beta), se = res$se, zval = res$zval,
       pval = res$pval, ci_lb = res$ci.lb, ci_ub = res$ci.ub, tau2 = res$tau2, i2 = res$I2, h2 = res$H2,
       r2 = if (is.null(res$R2)) NA else res$R2, qm = res$QM, qmp = res$QMp, qm_df1 = res$QMdf[1],
       qm_df2 = if (is.na(res$QMdf[2])) NA else res$QMdf[2], qe = res$QE, qep = res$QEp)
}
regs <- list(
  reg_case("bcg RR ablat REML", "bcg.csv", "RR", bcg_rr, "ablat", "REML", FALSE),
  reg_case("bcg RR ablat REML HK", "bcg.csv", "RR", bcg_rr, "ablat", "REML", TRUE),
  reg_case("bcg RR ablat DL", "bcg.csv", "RR", bcg_rr, "ablat", "DL", FALSE),
  reg_case("bcg RR ablat FE", "bcg.csv", "RR", bcg_rr, "ablat", "FE", FALSE),
  reg_case("bcg RR ablat PM", "bcg.csv", "RR", bcg_rr, "ablat", "PM", FALSE),
  reg_case("bcg RR alloc REML", "bcg.csv", "RR", bcg_rr, "alloc", "REML", FALSE),
  reg_case("bcg RR alloc DL HK", "bcg.csv", "RR", bcg_rr, "alloc", "DL", TRUE),
  reg_case("molloy2014 GEN meanage REML", "molloy2014.csv", "GEN", mol_gen, "meanage", "REML", FALSE))

# ---- subgroups: separate fits per level, Q-between from a fixed-effect fit of the subgroup estimates
sub_case <- function(name, file, measure, dat, column, method) {
  levs <- sort(unique(as.character(dat[[column]])))
  fits <- lapply(levs, function(l) rma(yi, vi, data = dat[dat[[column]] == l, ], method = method, control = ctrl))
  est <- sapply(fits, function(f) as.numeric(f$beta)); se <- sapply(fits, function(f) f$se)
  qb <- rma(est, sei = se, method = "FE")
  list(name = name, file = file, measure = measure, column = column, method = method, levels = levs,
       k = sapply(fits, function(f) f$k), estimate = est, se = se,
       ci_lb = sapply(fits, function(f) f$ci.lb), ci_ub = sapply(fits, function(f) f$ci.ub),
       tau2 = sapply(fits, function(f) f$tau2), i2 = sapply(fits, function(f) f$I2),
       q = sapply(fits, function(f) f$QE), q_between = qb$QE, q_between_p = qb$QEp)
}
subs <- list(sub_case("bcg RR alloc REML", "bcg.csv", "RR", bcg_rr, "alloc", "REML"),
             sub_case("bcg RR alloc DL", "bcg.csv", "RR", bcg_rr, "alloc", "DL"))

writeLines(toJSON(list(metafor = as.character(packageVersion("metafor")), cases = cases,
                       regressions = regs, subgroups = subs),
                  digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), "expected.json")
cat("wrote", length(cases), "cases,", length(regs), "regressions,", length(subs), "subgroup analyses\n")
