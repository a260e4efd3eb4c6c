package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.Operand;
import io.tocsin.model.FieldType;

/** A resolved left-hand operand and its type. */
record Typed(Operand operand, FieldType type) {}
