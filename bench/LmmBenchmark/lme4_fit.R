# lme4's time on the benchmark file: Rscript lme4_fit.R FILE.csv
# Times lmer() alone (not the CSV read), as the target in bench/README.md is stated against lme4's fit time.
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = TRUE)
d$client_id <- factor(d$client_id)
t <- system.time(fm <- lmer(pain ~ session + technique + stress + hydration + (session | client_id), d))
print(t)
print(summary(fm)$coefficients, digits = 8)
print(VarCorr(fm), digits = 8)
print(logLik(fm), digits = 12)
