import { describe, expect, it } from 'vitest';
import { locateArea, pointInGeometry } from './geo.ts';
import type { AreaGeometry } from './types.ts';

// A 2×2 square at (134, 34) with a 1×1 hole in the middle; a MultiPolygon of two squares.
const square: AreaGeometry = { type: 'Polygon', coordinates: [[[134, 34], [136, 34], [136, 36], [134, 36], [134, 34]], [[134.5, 34.5], [135.5, 34.5], [135.5, 35.5], [134.5, 35.5], [134.5, 34.5]]] };
const two: AreaGeometry = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[10, 10], [11, 10], [11, 11], [10, 11]]]] };

describe('pointInGeometry', () => {
  it('finds points inside the outer ring and outside its holes', () => {
    expect(pointInGeometry(134.2, 34.2, square)).toBe(true);
    expect(pointInGeometry(135, 35, square)).toBe(false);
    expect(pointInGeometry(137, 35, square)).toBe(false);
    expect(pointInGeometry(135, 33.9, square)).toBe(false);
  });

  it('takes longitude first and handles MultiPolygons and unclosed rings', () => {
    expect(pointInGeometry(10.5, 10.5, two)).toBe(true);
    expect(pointInGeometry(0.5, 0.5, two)).toBe(true);
    expect(pointInGeometry(5, 5, two)).toBe(false);
    expect(pointInGeometry(35, 135, square)).toBe(false);
    expect(pointInGeometry(Number.NaN, 35, square)).toBe(false);
  });
});

describe('locateArea', () => {
  const areas = [{ id: 'none', geometry: null }, { id: 'sq', geometry: square }, { id: 'two', geometry: two }, { id: 'later', geometry: two }];
  it('returns the first area holding the point, or null', () => {
    expect(locateArea(areas, 134.2, 35.8)?.id).toBe('sq');
    expect(locateArea(areas, 10.2, 10.9)?.id).toBe('two');
    expect(locateArea(areas, 135, 35)).toBeNull();
    expect(locateArea([], 135, 35)).toBeNull();
  });
});
