# Times lme4's glmer (Laplace, its defaults) on the benchmark file: Rscript glmer_fit.R FILE
suppressMessages({ library(data.table); library(lme4) })
d <- fread(commandArgs(TRUE)[1])
t <- system.time(m <- glmer(responder ~ session + stress + (1 | client_id), d, family = binomial))
print(t)
print(summary(m)$coefficients, digits = 8)
print(VarCorr(m), digits = 8)
print(logLik(m), digits = 12)
