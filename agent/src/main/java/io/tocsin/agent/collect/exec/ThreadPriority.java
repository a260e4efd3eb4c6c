package io.tocsin.agent.collect.exec;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the scheduling priority of the calling thread only ({@code setpriority} on its thread id).
 * The connector's reader does a few microseconds of work per exec but must run within about a
 * millisecond of it, or the process is gone before its {@code /proc} entry is read; on a busy host
 * a default-priority thread often waits longer than that. Java thread priorities do not map to
 * Linux nice values, hence the native call. Without permission (not root) nothing changes.
 */
final class ThreadPriority {

  private static final Logger LOG = LoggerFactory.getLogger(ThreadPriority.class);
  private static final int PRIO_PROCESS = 0;
  private static final boolean AVAILABLE = register();

  private ThreadPriority() {}

  private static boolean register() {
    try {
      Native.register(ThreadPriority.class, Platform.C_LIBRARY_NAME);
      return true;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return false;
    }
  }

  static native int gettid();

  static native int setpriority(int which, int who, int prio) throws LastErrorException;

  /** Sets the calling thread's nice value; false when not permitted or not supported. */
  static boolean setCurrentThreadNice(int nice) {
    if (!AVAILABLE || !Platform.isLinux()) {
      return false;
    }
    try {
      setpriority(PRIO_PROCESS, gettid(), nice);
      return true;
    } catch (LastErrorException | UnsatisfiedLinkError e) {
      LOG.debug(
          "cannot set the nice value of {}: {}", Thread.currentThread().getName(), e.toString());
      return false;
    }
  }
}
