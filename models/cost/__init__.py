"""The compliance-cost model (Circular 02/2017 Art. 27): its parameters, its results and the calculation."""
