using Rekindle.Backtest;
using Rekindle.Lifecycle;
using Rekindle.Policies;

namespace Rekindle.Core.Tests.Backtest;

public class CallScoreTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public void Of_CountsPrecisionRecallAndRates()
    {
        bool[] eligible = [true, true, true, true, true, false];
        bool[] called = [true, true, false, false, true, true];
        bool[] lost = [true, false, true, false, true, true];
        bool[] dormant = [true, true, false, false, false, false];
        bool[] active = [false, false, true, true, false, false];
        int[] days = [400, 380, 20, 10, 200, 0];
        var s = CallScore.Of("x", AsOf, eligible, called, lost, [], dormant, active, days);
        Assert.Equal(5, s.Accounts);
        Assert.Equal(3, s.CalledLost);
        Assert.Equal(3, s.TrulyLost);
        Assert.Equal(2.0 / 3, s.Precision!.Value, 10);
        Assert.Equal(2.0 / 3, s.Recall!.Value, 10);
        Assert.Equal(2.0 / 3, s.F1!.Value, 10);
        Assert.Equal(0.5, s.FalseDormancyRate);   // 1 of 2 called dormant bought again
        Assert.Equal(0.5, s.MissedLapseRate);     // 1 of 2 called active never bought
        Assert.Equal(300, s.MedianLeadDays);      // true positives at 400 and 200 days
        Assert.Null(s.Auc);
    }

    [Fact]
    public void Of_NoAccountCalledDormantOrActive_RatesHaveNoValue()
    {
        bool[] eligible = [true, true];
        bool[] called = [false, false];
        bool[] lost = [false, false];
        bool[] none = [false, false];
        var s = CallScore.Of("x", AsOf, eligible, called, lost, [], none, none, [10, 20]);
        Assert.Null(s.FalseDormancyRate); // 0 of 0: not 0%
        Assert.Null(s.MissedLapseRate);
        Assert.Null(s.Precision);
        Assert.Null(s.Recall);
        Assert.Null(s.F1);
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2, 0.8, 0.9 }, 1.0)]
    [InlineData(new[] { 0.9, 0.8, 0.2, 0.1 }, 0.0)]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, 0.5)]
    [InlineData(new[] { 0.1, 0.8, 0.2, 0.9 }, 0.75)]
    public void AreaUnderCurve_RanksLostAboveKept(double[] score, double expected)
    {
        bool[] lost = [false, false, true, true];
        Assert.Equal(expected, CallScore.AreaUnderCurve([true, true, true, true], lost, score));
    }

    [Fact]
    public void Outcomes_LostWithin_CountsOnlyBookedOrdersInTheHorizon()
    {
        var book = new TestBook()
            .Account("A").Orders("A", "2026-01-01", "2026-07-30")                      // buys on day 30: kept
            .Account("B").Orders("B", "2026-01-01", "2026-07-31")                      // day 31: outside a 30-day horizon
            .Account("C").Order("C", "2026-01-01").Order("C", "2026-07-05", 10, Rekindle.Common.OrderStatus.Cancelled)
            .Account("D").Orders("D", "2026-06-30")                                    // on the as-of date itself: not after it
            .Build();
        Assert.Equal([false, true, true, true], Outcomes.LostWithin(book, AsOf, 30));
    }

    [Fact]
    public void Runner_ScoresEachCandidateAtEachDate_OverAccountsWithAnOrder()
    {
        var book = new TestBook()
            .Account("A").Every("A", 30, 20, "2026-12-01")
            .Account("B").Orders("B", "2024-01-01", "2024-02-01")
            .Account("P")
            .Build();
        var candidates = new IBacktestCandidate[] { new PolicyCandidate("default", Policy.Default), new RecencyBaseline(2.0, Policy.Default) };
        var scores = BacktestRunner.Run(book, candidates, [new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1)], 90, Policy.Default);
        Assert.Equal(4, scores.Count);
        Assert.All(scores, s => Assert.Equal(2, s.Accounts));
        Assert.All(scores, s => Assert.Equal(1.0, s.Precision));
        Assert.All(scores, s => Assert.Equal(1.0, s.Recall));
        Assert.Equal(1.0, scores.First(s => s.Candidate.StartsWith("baseline", StringComparison.Ordinal)).Auc);
    }
}
