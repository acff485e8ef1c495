/**
 * itsm-kit: pure, deterministic ITSM/ITOM domain logic. The root entry is the models module (schemas,
 * `priorityOf`, parsers and the error classes shared by every module); every other module has its own
 * subpath (`itsm-kit/calendar`, `itsm-kit/sla`, `itsm-kit/incident`, ...), so a bundle holds only what it
 * imports.
 *
 * @module itsm-kit
 */
export * from './models/index';
