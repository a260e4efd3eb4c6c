package io.tocsin.agent.collect;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/** JNA direct mapping of the Linux inotify calls (and {@code poll}/{@code read}/{@code close}). */
final class Inotify {

  static final int IN_NONBLOCK = 0x800;
  static final int IN_CLOEXEC = 0x80000;
  static final int IN_CLOSE_WRITE = 0x8;
  static final int IN_MOVED_FROM = 0x40;
  static final int IN_MOVED_TO = 0x80;
  static final int IN_CREATE = 0x100;
  static final int IN_DELETE = 0x200;
  static final int IN_Q_OVERFLOW = 0x4000;
  static final int IN_IGNORED = 0x8000;
  static final int IN_ONLYDIR = 0x01000000;
  static final int IN_ISDIR = 0x40000000;
  static final short POLLIN = 1;

  static {
    Native.register(Inotify.class, Platform.C_LIBRARY_NAME);
  }

  private Inotify() {}

  static native int inotify_init1(int flags);

  static native int inotify_add_watch(int fd, String pathname, int mask);

  static native int poll(byte[] fds, NativeLong nfds, int timeoutMillis);

  static native NativeLong read(int fd, byte[] buf, NativeLong count);

  static native int close(int fd);
}
