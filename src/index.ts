/**
 * itsm-kit: pure, deterministic ITSM/ITOM domain logic. The root entry re-exports every module; each is
 * also importable on its own subpath (`itsm-kit/models`, `itsm-kit/calendar`, ...) for smaller bundles.
 *
 * @module itsm-kit
 */
export * from './models/index';
