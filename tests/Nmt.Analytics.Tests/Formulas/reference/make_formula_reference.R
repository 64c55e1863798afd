# Reference model matrices from R's model.matrix for the Formulas tests.
# Run from this folder: Rscript make_formula_reference.R   (R 4.2, jsonlite)
# Writes the data sets (datasets package; factors written as text so both sides sort levels the same way)
# and model_matrices.json: for each case the formula, data set, R's column names and the matrix (column-major),
# plus the number of rows used after na.omit.
suppressMessages(library(jsonlite))
Sys.setlocale("LC_COLLATE", "C")

as_text <- function(d) { for (n in names(d)) if (is.factor(d[[n]])) d[[n]] <- as.character(d[[n]]); d }
data_sets <- list(
  mtcars = cbind(model = rownames(mtcars), mtcars),
  warpbreaks = as_text(warpbreaks),
  iris = as_text(iris),
  ToothGrowth = as_text(ToothGrowth),
  airquality = airquality
)
# airquality and ToothGrowth are committed once, by ../../Models/reference/make_model_reference.R: check that copy.
shared <- c(airquality = "../../Models/reference/airquality.csv", ToothGrowth = "../../Models/reference/ToothGrowth.csv")
for (n in names(shared)) stopifnot(isTRUE(all.equal(read.csv(shared[[n]]), data_sets[[n]], check.attributes = FALSE)))
for (n in setdiff(names(data_sets), names(shared))) write.csv(data_sets[[n]], paste0(n, ".csv"), row.names = FALSE, na = "")

cases <- list(
  list(name = "mtcars_factor_cyl", data = "mtcars", formula = "mpg ~ wt + factor(cyl)"),
  list(name = "mtcars_numeric_by_factor", data = "mtcars", formula = "mpg ~ wt * factor(am)"),
  list(name = "mtcars_transforms", data = "mtcars", formula = "mpg ~ I(hp^2) + log(disp) + sqrt(qsec) + exp(drat)"),
  list(name = "mtcars_arithmetic", data = "mtcars", formula = "mpg ~ I(wt * hp / 100) + I(-hp) + I((wt - 3)^2) + log1p(carb)"),
  list(name = "mtcars_no_intercept_factor", data = "mtcars", formula = "mpg ~ 0 + factor(cyl) + wt"),
  list(name = "mtcars_minus_one", data = "mtcars", formula = "mpg ~ hp + wt - 1"),
  list(name = "mtcars_margin_absent_numeric", data = "mtcars", formula = "mpg ~ wt:factor(cyl)"),
  list(name = "mtcars_margin_absent_factors", data = "mtcars", formula = "mpg ~ factor(cyl):factor(gear)"),
  list(name = "mtcars_drop_main_effect", data = "mtcars", formula = "mpg ~ factor(cyl) * factor(am) - factor(am)"),
  list(name = "mtcars_power", data = "mtcars", formula = "mpg ~ (wt + hp + qsec)^2"),
  list(name = "mtcars_order_of_appearance", data = "mtcars", formula = "mpg ~ hp:wt + wt"),
  list(name = "mtcars_relevel", data = "mtcars", formula = "mpg ~ wt + relevel(factor(cyl), ref = \"6\")"),
  list(name = "mtcars_three_way", data = "mtcars", formula = "mpg ~ wt * factor(am) * factor(vs)"),
  list(name = "warpbreaks_factorial", data = "warpbreaks", formula = "breaks ~ wool * tension"),
  list(name = "warpbreaks_interaction_only", data = "warpbreaks", formula = "breaks ~ tension:wool"),
  list(name = "warpbreaks_cell_means", data = "warpbreaks", formula = "breaks ~ 0 + wool:tension"),
  list(name = "iris_nested", data = "iris", formula = "Sepal.Length ~ Species/Petal.Width"),
  list(name = "iris_crossed", data = "iris", formula = "Sepal.Length ~ Species * Petal.Width"),
  list(name = "toothgrowth_dose_factor", data = "ToothGrowth", formula = "len ~ supp * factor(dose)"),
  list(name = "airquality_missing", data = "airquality", formula = "Ozone ~ Solar.R + Wind + factor(Month)")
)

out <- lapply(cases, function(k) {
  d <- data_sets[[k$data]]
  mf <- model.frame(as.formula(k$formula), d, na.action = na.omit)
  X <- model.matrix(as.formula(k$formula), mf)
  excluded <- if (is.null(attr(mf, "na.action"))) integer(0) else as.integer(attr(mf, "na.action"))
  list(name = k$name, data = k$data, formula = k$formula, columns = colnames(X),
       x = lapply(seq_len(ncol(X)), function(j) unname(X[, j])),
       n = nrow(X), excluded_rows = excluded)
})
write_json(out, "model_matrices.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote", length(out), "cases\n")
