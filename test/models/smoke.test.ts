import { describe, expect, it } from 'vitest';
import { priorityOf } from 'itsm-kit/models';

describe('itsm-kit/models import', () => {
  it('resolves through the vitest alias', () => {
    expect(priorityOf(1, 1)).toBe(1);
  });
});
