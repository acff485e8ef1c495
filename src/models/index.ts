/**
 * Typed, validated ITSM/ITOM domain models: zod 4 schemas with inferred types and `parseX` functions
 * that never throw.
 *
 * @module models
 */
export { ItsmError, ItsmRangeError, ItsmValidationError, isItsmValidationError, type ValidationIssue } from '../_lib/errors';
export type { ParseResult } from '../_lib/zod-issues';
export type { InstantInput } from '../_lib/instant';
export * from './primitives';
export * from './levels';
export * from './priority';
export * from './actor';
export * from './incident';
export * from './problem';
export * from './known-error';
export * from './change';
export * from './alert';
export * from './configuration-item';
export * from './relationship';
export * from './parsers';
