package dev.reprokit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.Recorder;
import dev.reprokit.jdbc.JdbcCaptureOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every wrapper method hands the call to the same method of the driver object with the same
 * arguments (streams may be teed). The driver objects here are stubs that record the calls:
 * no real driver can report which of its methods was called.
 */
class DelegationTest {

  record Call(Method method, Object[] args) {}

  private final List<Call> calls = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private <T> T stub(Class<T> iface) {
    return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {iface},
        (proxy, m, args) -> {
          switch (m.getName()) {
            case "hashCode": return System.identityHashCode(proxy);
            case "equals": return proxy == args[0];
            case "toString": return "stub " + iface.getSimpleName();
            default: break;
          }
          calls.add(new Call(m, args == null ? new Object[0] : args));
          return value(m.getReturnType());
        });
  }

  private Object value(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == ResultSet.class) {
      return stub(ResultSet.class);
    }
    if (type.isInterface() && type.getName().startsWith("java.sql.")) {
      return stub(type);
    }
    return null;
  }

  private static Object argument(Class<?> type) {
    if (type == int.class) {
      return 3;
    }
    if (type == long.class) {
      return 4L;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == short.class) {
      return (short) 5;
    }
    if (type == byte.class) {
      return (byte) 6;
    }
    if (type == float.class) {
      return 7f;
    }
    if (type == double.class) {
      return 8d;
    }
    if (type == String.class) {
      return "text";
    }
    if (type == Class.class) {
      return java.util.RandomAccess.class;
    }
    if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[] {1, 2});
    }
    if (type == Reader.class) {
      return new StringReader("ab");
    }
    if (type.isArray()) {
      return java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
    }
    return null;
  }

  private static final Set<String> NOT_DELEGATED = Set.of(
      "DatabaseMetaData.getConnection", "ResultSet.getStatement");

  private void check(Object wrapper, Class<?> iface) throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Method m : iface.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || NOT_DELEGATED.contains(iface.getSimpleName() + "." + m.getName())) {
        continue;
      }
      Object[] args = Arrays.stream(m.getParameterTypes()).map(DelegationTest::argument).toArray();
      calls.clear();
      try {
        wrapper.getClass().getMethod(m.getName(), m.getParameterTypes()).invoke(wrapper, args);
      } catch (InvocationTargetException e) {
        wrong.add(m + " threw " + e.getCause());
        continue;
      }
      checked++;
      boolean found = calls.stream().anyMatch(c -> c.method().getName().equals(m.getName())
          && Arrays.equals(c.method().getParameterTypes(), m.getParameterTypes())
          && sameArguments(c.args(), args));
      if (!found) {
        wrong.add(m + " -> " + calls.stream().map(c -> c.method().getName()).toList());
      }
    }
    assertThat(wrong).as(iface.getSimpleName() + " methods not delegated faithfully").isEmpty();
    assertThat(checked).isPositive();
  }

  private static boolean sameArguments(Object[] seen, Object[] given) {
    if (seen.length != given.length) {
      return false;
    }
    for (int i = 0; i < seen.length; i++) {
      if (given[i] instanceof InputStream || given[i] instanceof Reader) {
        if (seen[i] == null) {
          return false; // teed or passed on, but never dropped
        }
        continue;
      }
      if (given[i] != null && given[i].getClass().isArray()) {
        if (!Arrays.deepEquals(new Object[] {seen[i]}, new Object[] {given[i]})) {
          return false;
        }
        continue;
      }
      if (!java.util.Objects.equals(seen[i], given[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyWrapperMethodCallsTheSameDriverMethodWithTheSameArguments() throws Exception {
    CaptureContext ctx = new CaptureContext(Recorder.noop(), JdbcCaptureOptions.DEFAULT, null);
    ReproConnection connection = new ReproConnection(ctx, stub(Connection.class), "u");
    check(new ReproDataSource(stub(DataSource.class), ctx), DataSource.class);
    check(connection, Connection.class);
    check(new ReproStatement(connection, stub(Statement.class)), Statement.class);
    check(new ReproPreparedStatement(connection, stub(PreparedStatement.class), "select ?"),
        PreparedStatement.class);
    ReproCallableStatement call =
        new ReproCallableStatement(connection, stub(CallableStatement.class), "{call p(?)}");
    check(call, CallableStatement.class);
    assertThat(call.delegate).isSameAs(call.preparedDelegate).isSameAs(call.callableDelegate);
    check(new ReproResultSet(stub(ResultSet.class), call.capture, 1, null, null, 0), ResultSet.class);
    check(new ReproDatabaseMetaData(connection, stub(DatabaseMetaData.class)),
        DatabaseMetaData.class);
  }
}
