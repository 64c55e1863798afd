# lme4 on a session file in the toolkit's contract format (e.g. `nmt simulate --clients 150000 --clinics 50 --seed 11`),
# with the same model `nmt fit --model lmm` fits:
#   pain_pre ~ session + techniques + stress + hydration + (session | client_id)
# where `techniques` expands to one 0/1 indicator per code (tech_<code>), as in the toolkit's formulas.
# Usage: Rscript bench/LmmBenchmark/lme4_fit_sessions.R FILE.csv   — prints system.time() of lmer() only.
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = "", stringsAsFactors = FALSE)
codes <- sort(unique(unlist(strsplit(d$techniques[!is.na(d$techniques)], ";", fixed = TRUE))))
for (code in codes) d[[paste0("tech_", code)]] <- as.numeric(grepl(paste0("(^|;)", code, "(;|$)"), d$techniques))
d$client_id <- factor(d$client_id)
f <- as.formula(paste("pain_pre ~ session +", paste0("tech_", codes, collapse = " + "), "+ stress + hydration + (session | client_id)"))
t <- system.time(m <- lmer(f, data = d, REML = TRUE))
print(t)
print(summary(m)$coefficients[1:4, ], digits = 7)
print(VarCorr(m), digits = 6)
cat("logLik", format(as.numeric(logLik(m)), digits = 15), " nobs", nobs(m), "\n")
