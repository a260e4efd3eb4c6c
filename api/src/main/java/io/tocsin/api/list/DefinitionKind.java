package io.tocsin.api.list;

/**
 * Lists or macros: the stored type and how messages name one ({@code List [admins]}).
 *
 * @param label capitalised name of the kind, as messages start with it
 */
record DefinitionKind<D extends Definition>(String label, Class<D> type) {

  static final DefinitionKind<NamedList> LIST = new DefinitionKind<>("List", NamedList.class);
  static final DefinitionKind<Macro> MACRO = new DefinitionKind<>("Macro", Macro.class);

  /** {@code List [name]}. */
  String named(String name) {
    return label + " [" + name + "]";
  }
}
