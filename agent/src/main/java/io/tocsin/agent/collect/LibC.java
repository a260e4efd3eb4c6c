package io.tocsin.agent.collect;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/** JNA direct mapping of the few POSIX calls the procfs readers need. */
final class LibC {

  static final int SC_CLK_TCK = 2;
  static final int SC_PAGESIZE = 30;

  static {
    Native.register(LibC.class, Platform.C_LIBRARY_NAME);
  }

  private LibC() {}

  static native NativeLong sysconf(int name);
}
