import { isItsmValidationError } from 'itsm-kit/models';

/** Runs `fn`, expects an ItsmValidationError, and returns the paths of its issues (shared by the edge tests). */
export function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isItsmValidationError(e)) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected an ItsmValidationError');
}
