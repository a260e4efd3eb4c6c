package io.tocsin.engine.runtime;

/** What a compiled condition (slot) is for within its rule. */
enum Role {
  /** The rule's condition; for an absence rule, the trigger A. */
  CONDITION,
  /** One step of a sequence. */
  STEP,
  /** The expected event B of an absence rule. */
  EXPECT
}
