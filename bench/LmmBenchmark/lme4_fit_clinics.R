# lme4 on the benchmark file with a second grouping factor: Rscript lme4_fit_clinics.R FILE.csv [K]
# Clinics are assigned round-robin over the sorted client ids, exactly as `LmmBenchmark fit FILE --clinics K` does.
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
k <- if (length(args) > 1) as.integer(args[2]) else 50L
d <- read.csv(args[1], stringsAsFactors = TRUE)
d$client_id <- factor(d$client_id)
d$clinic_id <- factor(sprintf("k%04d", (as.integer(d$client_id) - 1L) %% k))
t <- system.time(fm <- lmer(pain ~ session + technique + stress + hydration + (session | client_id) + (1 | clinic_id), d))
print(t)
print(summary(fm)$coefficients, digits = 8)
print(VarCorr(fm), digits = 8)
print(logLik(fm), digits = 12)
