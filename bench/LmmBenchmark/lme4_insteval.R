# lme4 on lme4::InstEval (crossed students x lecturers x departments) for the crossed-design benchmark.
# Write the data once:  Rscript -e 'write.csv(lme4::InstEval, "/tmp/insteval.csv", row.names = FALSE)'
# Then:                 /usr/bin/time -v Rscript bench/LmmBenchmark/lme4_insteval.R /tmp/insteval.csv
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = "character")
d$y <- as.numeric(d$y)
for (v in c("s", "d", "dept", "studage", "service")) d[[v]] <- factor(d[[v]])
t <- system.time(fm <- lmer(y ~ service + studage + (1 | s) + (1 | d) + (1 | dept), d))
print(t)
print(summary(fm)$coefficients, digits = 8)
print(VarCorr(fm), digits = 8)
print(logLik(fm), digits = 12)
