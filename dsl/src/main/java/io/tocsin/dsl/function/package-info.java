/**
 * Functions of the condition language, declared by descriptor (name, parameter types, return type,
 * implementation): the analyzer type-checks calls against the descriptor and every backend
 * evaluates them through the same implementation.
 */
package io.tocsin.dsl.function;
