# Reference values for Nmt.Analytics.Evidence.ClinicContrastSynthesis (R 4.2, metafor 3.8.1).
# Run from this folder:  Rscript make_clinic_fixture.R
# Simulates a small SYNTHETIC session table (4 clinics), computes each clinic's contrast of immediate pain change
# with vs without ischemic_compression from client-level means (partially overlapping groups), and pools with REML.
suppressMessages(library(metafor))
library(jsonlite)
set.seed(20261125)
techs <- c("ischemic_compression", "muscle_energy", "positional_release")
rows <- list()
clinic_effect <- c(C1 = -0.8, C2 = -0.3, C3 = -1.2, C4 = 0)
for (cl in names(clinic_effect)) for (j in 1:9) {
  client <- sprintf("%s-%02d", cl, j)
  u <- rnorm(1, 0, 0.7)
  for (s in 1:sample(2:5, 1)) {
    ic <- runif(1) < 0.5
    used <- c(if (ic) "ischemic_compression", sample(techs[-1], 1))
    pre <- round(runif(1, 4, 8))
    post <- max(0, min(10, round(pre - 1.5 + u + (if (ic) clinic_effect[[cl]] else 0) + rnorm(1, 0, 0.8))))
    rows[[length(rows) + 1]] <- data.frame(client_id = client, clinic_id = cl, session = s,
                                           techniques = paste(used, collapse = ";"), pain_pre = pre, pain_post = post)
  }
}
sessions <- do.call(rbind, rows)
write.csv(sessions, "clinic_sessions.csv", row.names = FALSE, quote = FALSE)

sessions$change <- sessions$pain_post - sessions$pain_pre
sessions$ic <- grepl("ischemic_compression", sessions$techniques, fixed = TRUE)
contrast <- function(d, smd) {
  a <- tapply(d$change[d$ic], d$client_id[d$ic], mean)
  b <- tapply(d$change[!d$ic], d$client_id[!d$ic], mean)
  both <- intersect(names(a), names(b))
  nA <- length(a); nB <- length(b); nAB <- length(both)
  cAB <- if (nAB >= 2) sum((a[both] - mean(a)) * (b[both] - mean(b))) / (nAB - 1) else 0
  vMD <- var(a) / nA + var(b) / nB - 2 * nAB * cAB / (nA * nB)
  md <- mean(a) - mean(b)
  if (!smd) return(c(yi = md, vi = vMD, nA = nA, nB = nB, nAB = nAB))
  sp <- sqrt(((nA - 1) * var(a) + (nB - 1) * var(b)) / (nA + nB - 2))
  m <- nA + nB - 2
  J <- exp(lgamma(m / 2) - log(sqrt(m / 2)) - lgamma((m - 1) / 2))
  g <- J * md / sp
  c(yi = g, vi = vMD / sp^2 + g^2 / (2 * (nA + nB)), nA = nA, nB = nB, nAB = nAB)
}
out <- list()
for (smd in c(FALSE, TRUE)) {
  per <- t(sapply(split(sessions, sessions$clinic_id), contrast, smd = smd))
  res <- rma(per[, "yi"], per[, "vi"], method = "REML", control = list(threshold = 1e-12))
  out[[if (smd) "SMD" else "MD"]] <- list(clinics = rownames(per), yi = per[, "yi"], vi = per[, "vi"],
    n_with = per[, "nA"], n_without = per[, "nB"], n_both = per[, "nAB"],
    estimate = as.numeric(res$beta), se = res$se, tau2 = res$tau2, i2 = res$I2, q = res$QE, qp = res$QEp)
}
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "clinic_expected.json")
cat("wrote clinic_sessions.csv (", nrow(sessions), "sessions ) and clinic_expected.json\n")
