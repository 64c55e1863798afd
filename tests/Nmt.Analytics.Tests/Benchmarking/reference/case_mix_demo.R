# Case-mix reference for the Benchmarking tests, built INDEPENDENTLY of the C# code from the bundled demo data.
# Run from this folder: Rscript case_mix_demo.R   (R 4.2.2; base R + metafor 3.8.1)
# Episodes: a client's sessions ordered by session; episode_change = last pain_post - first pain_pre;
# covariates from the first session; stress missing -> 0 plus indicator stress_missing; a missing categorical
# value is its own level "(missing)", placed last; reference level = first sorted level (C locale).
# Clinics with 1-10 clients are left out (small-cell suppression), and with them the smallest other clinics until the
# left-out clinics are at least two and hold at least 11 clients together (complementary suppression, CMS policy),
# as nmt benchmark does.
options(digits = 17)
s <- read.csv("../../../../data/demo/sessions.csv", na.strings = "", stringsAsFactors = FALSE)
s <- s[order(s$client_id, s$session), ]
first <- s[!duplicated(s$client_id), ]
last <- s[!duplicated(s$client_id, fromLast = TRUE), ]
n <- table(s$client_id)
ep <- data.frame(client_id = first$client_id, clinic_id = first$clinic_id,
                 first_pain_pre = first$pain_pre, n_sessions = as.numeric(n[first$client_id]),
                 episode_change = last$pain_post[match(first$client_id, last$client_id)] - first$pain_pre,
                 stress = first$stress, chronicity = first$chronicity, condition = first$condition,
                 region = first$region, age_band = first$age_band, sex = first$sex)
size <- table(ep$clinic_id)
hidden <- names(size)[size > 0 & size < 11]
if (length(hidden) > 0) {
  rest <- size[!(names(size) %in% hidden)]
  for (cl in names(rest)[order(as.numeric(rest), names(rest), method = "radix")]) {
    if (length(hidden) >= 2 && sum(size[hidden]) >= 11) break
    hidden <- c(hidden, cl)
  }
}
ep <- ep[!(ep$clinic_id %in% hidden), ]
ep$stress_missing <- as.numeric(is.na(ep$stress))
ep$stress[is.na(ep$stress)] <- 0
for (f in c("chronicity", "condition", "region", "age_band", "sex")) {
  v <- ep[[f]]
  lv <- sort(unique(v[!is.na(v)]), method = "radix")
  if (any(is.na(v))) { v[is.na(v)] <- "(missing)"; lv <- c(lv, "(missing)") }
  ep[[f]] <- factor(v, levels = lv)
}
fit <- lm(episode_change ~ first_pain_pre + n_sessions + stress + stress_missing + chronicity + condition +
            region + age_band + sex, data = ep)
cs <- summary(fit)$coefficients
write.csv(data.frame(term = rownames(cs), estimate = cs[, 1], std_error = cs[, 2]),
          "demo_case_mix_coef.csv", row.names = FALSE)
# Per-clinic observed and expected (indirect standardisation) and z = (O - E) / (sigma / sqrt(n)).
ep$fitted <- fitted(fit)
agg <- do.call(rbind, lapply(split(ep, ep$clinic_id), function(d)
  data.frame(clinic_id = d$clinic_id[1], n = nrow(d), observed = mean(d$episode_change), expected = mean(d$fitted))))
agg$z <- (agg$observed - agg$expected) / (sigma(fit) / sqrt(agg$n))
write.csv(agg, "demo_case_mix_clinics.csv", row.names = FALSE)
writeLines(format(sigma(fit), digits = 17), "demo_case_mix_sigma.txt")

# Responder (linear probability model): >= 2 points AND >= 30 % improvement; undefined when first pain_pre is 0.
ep$pct <- ifelse(ep$first_pain_pre == 0, NA, 100 * ep$episode_change / ep$first_pain_pre)
ep$responder <- as.numeric(-ep$episode_change >= 2 - 1e-9 & -ep$pct >= 30 - 1e-9)
er <- ep[!is.na(ep$pct), ]
fit_r <- lm(responder ~ first_pain_pre + n_sessions + stress + stress_missing + chronicity + condition +
              region + age_band + sex, data = droplevels(er))
cr <- summary(fit_r)$coefficients
write.csv(data.frame(term = rownames(cr), estimate = cr[, 1], std_error = cr[, 2]),
          "demo_responder_coef.csv", row.names = FALSE)

# Empirical-Bayes shrinkage reference: metafor REML + blup on dat.bcg (log risk ratios).
library(metafor)
dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
# threshold tightened from the default 1e-5 so that the fixture is converged to ~1e-12 (nmt iterates to 1e-10)
res <- rma(yi, vi, data = dat, method = "REML", control = list(threshold = 1e-12, maxiter = 1000))
b <- blup(res)
write.csv(data.frame(yi = as.numeric(dat$yi), vi = dat$vi, pred = b$pred, se = b$se, tau2 = res$tau2, mu = as.numeric(res$beta)),
          "bcg_blup.csv", row.names = FALSE)
