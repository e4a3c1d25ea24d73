import statistics as st
from fractions import Fraction as F
import random, math

def show(e):
    try:
        r = eval(e)
        print(e, '->', repr(r))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

for e in ['st.mean([1,2,3,4])','st.mean([1,2,3])','st.mean([F(1,3),F(2,3)])','st.mean([1,2.5])','st.mean([F(1,2),0.25])','st.mean([])','st.mean(["a"])','st.mean([True,False,True])','st.mean(iter([1,2]))','st.mean([1e308,1e308])','st.mean([float("inf"),1])','st.mean([float("nan"),1])',
 'st.fmean([1,2,3])','st.fmean([])','st.fmean(iter([1,2]))','st.fmean([1,2,3],[1,0,1])','st.fmean([1,2],[1])','st.fmean([1,2],[0,0])',
 'st.geometric_mean([54,24,36])','st.geometric_mean([])','st.geometric_mean([1,-1])',
 'st.harmonic_mean([40,60])','st.harmonic_mean([40,60],[5,30])','st.harmonic_mean([1,0])','st.harmonic_mean([1,-1])','st.harmonic_mean([])','st.harmonic_mean([5])','st.harmonic_mean(["x"])','st.harmonic_mean([F(1,2),F(1,3)])','st.harmonic_mean([2.5,4])','st.harmonic_mean([1,2],[1])',
 'st.median([1,3,5])','st.median([1,3,5,7])','st.median([])','st.median([F(1,2),F(1,3)])','st.median_low([1,3,5,7])','st.median_high([1,3,5,7])','st.median_low([])',
 'st.median_grouped([52,52,53,54])','st.median_grouped([1,2,2,3,4,4,4,4,4,5])','st.median_grouped([1,3,3,5,7],interval=1)','st.median_grouped([1,3,3,5,7],interval=2)','st.median_grouped([])','st.median_grouped([5])','st.median_grouped(["a","b"])',
 'st.mode([1,1,2,3,3,3,3,4])','st.mode(["red","blue","blue","red"])','st.mode([])','st.multimode("aabbbbccddddeeffffgg")','st.multimode([])',
 'st.quantiles([1,2,3,4,5,6,7,8,9,10])','st.quantiles([1,2,3,4,5,6,7,8,9,10],n=10)','st.quantiles([1,2,3,4,5,6,7,8,9,10],n=5,method="inclusive")','st.quantiles([1],n=4)','st.quantiles([1,2],n=0)','st.quantiles([1,2],method="x")','st.quantiles([1.5,2.5,100],n=3)',
 'st.variance([2.75,1.75,1.25,0.25,0.5,1.25,3.5])','st.variance([1,2,3,4])','st.variance([1,2,3,4],2.5)','st.variance([F(1,6),F(1,2),F(5,3)])','st.variance([1])','st.variance([0.1]*3)','st.pvariance([0.0,0.25,0.25,1.25,1.5,1.75,2.75,3.25])','st.pvariance([1,2,3,4])','st.pvariance([])','st.pvariance([1,2,3],mu=2)',
 'st.stdev([1.5,2.5,2.5,2.75,3.25,4.75])','st.stdev([1,2,3,4])','st.stdev([1])','st.pstdev([1.5,2.5,2.5,2.75,3.25,4.75])','st.pstdev([])','st.stdev([F(1,3),F(2,3),1])','st.stdev([1, 2, float("inf")])',
 'st.covariance([1,2,3,4,5,6,7,8,9],[1,2,3,1,2,3,1,2,3])','st.covariance([1],[1])','st.covariance([1,2],[1])','st.correlation([1,2,3,4,5,6,7,8,9],[9,8,7,6,5,4,3,2,1])','st.correlation([1,1],[1,2])','st.correlation([1,2],[1])',
 'st.linear_regression([1,2,3,4,5],[2,4.1,6.2,7.9,10.1])','st.linear_regression([1,2,3],[2,4,6],proportional=True)','st.linear_regression([1,1],[2,3])','st.linear_regression([1],[2])','st.linear_regression([1,2,3,4,5],[2,4.1,6.2,7.9,10.1]).slope',
 'st.NormalDist()','st.NormalDist(100,15).cdf(130)','st.NormalDist(100,15).pdf(110)','st.NormalDist(100,15).inv_cdf(0.9)','st.NormalDist().inv_cdf(0.5)','st.NormalDist().inv_cdf(0.01)','st.NormalDist().inv_cdf(1e-20)','st.NormalDist().inv_cdf(0.99999)','st.NormalDist().inv_cdf(0)','st.NormalDist(0,0).inv_cdf(0.5)','st.NormalDist(0,0).cdf(1)','st.NormalDist(0,0).pdf(1)','st.NormalDist(1,-1)',
 'st.NormalDist(10,2).quantiles()','st.NormalDist(10,2).quantiles(10)','round(st.NormalDist(2.4,1.6).overlap(st.NormalDist(3.2,2.0)),12)','st.NormalDist(1,2).overlap(st.NormalDist(1,2))','st.NormalDist(1,2).overlap(3)','st.NormalDist(1,2).zscore(5)','st.NormalDist(1,0).zscore(5)',
 'st.NormalDist.from_samples([2.5,3.1,2.1,2.4,2.7,3.5])','st.NormalDist.from_samples([1])','st.NormalDist(1,2)+st.NormalDist(3,4)','st.NormalDist(1,2)-st.NormalDist(3,4)','st.NormalDist(1,2)*3','3*st.NormalDist(1,2)','st.NormalDist(1,2)/-2','st.NormalDist(1,2)+5','5-st.NormalDist(1,2)','-st.NormalDist(1,2)','+st.NormalDist(1,2)','st.NormalDist(1,2)==st.NormalDist(1,2)','st.NormalDist(1,2)==1','hash(st.NormalDist(1,2))==hash(st.NormalDist(1.0,2.0))',
 'st.NormalDist(1,2).mean','st.NormalDist(1,2).variance','st.NormalDist(1,2).stdev','st.NormalDist(1,2).median','st.NormalDist(1,2).mode','st.NormalDist(5,2).samples(3,seed=42)','len(st.NormalDist().samples(5))',
 'issubclass(st.StatisticsError, ValueError)']:
    show(e)
