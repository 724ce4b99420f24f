import { clamp, leastSquaresSlope, mad, mean, median, round, stdev } from './stats.js';

describe('statistics helpers', () => {
  it('computes median, mean and sample standard deviation', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([4, 1, 3, 2])).toBe(2.5);
    // Σ(x − 5)² = 32 over n − 1 = 7.
    expect(stdev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 10);
  });

  it('computes the median absolute deviation and the least-squares slope', () => {
    // |x − 2| = 1,1,0,0,2,4,7 → median 1.
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
    expect(leastSquaresSlope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBe(2);
    expect(leastSquaresSlope([{ x: 1, y: 1 }, { x: 1, y: 3 }])).toBeNull();
  });

  it('returns null on too little data instead of a default', () => {
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(stdev([5])).toBeNull();
    expect(mad([])).toBeNull();
    expect(leastSquaresSlope([{ x: 0, y: 0 }])).toBeNull();
  });

  it('rounds and clamps', () => {
    expect(round(2.345)).toBe(2.35);
    expect(round(-1.005, 1)).toBe(-1);
    expect(clamp(120, 0, 100)).toBe(100);
    expect(clamp(-3, 0, 100)).toBe(0);
  });
});
