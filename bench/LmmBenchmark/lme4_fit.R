# lme4's time on the benchmark file: Rscript lme4_fit.R FILE.csv [session|stress]
# Times lmer() alone (not the CSV read), as the target in bench/README.md is stated against lme4's fit time.
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
slope <- if (length(args) > 1) args[2] else "session"
d <- read.csv(args[1], stringsAsFactors = TRUE)
d$client_id <- factor(d$client_id)
f <- as.formula(sprintf("pain ~ session + technique + stress + hydration + (%s | client_id)", slope))
t <- system.time(fm <- lmer(f, d))
print(t)
print(summary(fm)$coefficients, digits = 8)
print(VarCorr(fm), digits = 8)
print(logLik(fm), digits = 12)
