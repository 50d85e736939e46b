package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.jdbc.internal.ReproCallableStatement;
import dev.reprokit.jdbc.internal.ReproConnection;
import dev.reprokit.jdbc.internal.ReproDataSource;
import dev.reprokit.jdbc.internal.ReproDatabaseMetaData;
import dev.reprokit.jdbc.internal.ReproPreparedStatement;
import dev.reprokit.jdbc.internal.ReproResultSet;
import dev.reprokit.jdbc.internal.ReproStatement;
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
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class WrapperCompletenessTest {

  private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
      ReproDataSource.class, DataSource.class,
      ReproConnection.class, Connection.class,
      ReproStatement.class, Statement.class,
      ReproPreparedStatement.class, PreparedStatement.class,
      ReproCallableStatement.class, CallableStatement.class,
      ReproResultSet.class, ResultSet.class,
      ReproDatabaseMetaData.class, DatabaseMetaData.class);

  /**
   * The method a wrapper runs for {@code name(params)}: declared in the wrapper class or in one
   * of its ReproKit superclasses (the statement wrappers inherit from each other). Never the
   * interface's default method and never {@code Object}'s: the search stops at the first class
   * outside {@code dev.reprokit}.
   */
  private static Method implementation(Class<?> wrapper, String name, Class<?>[] params) {
    for (Class<?> c = wrapper; c != null && c.getName().startsWith("dev.reprokit.");
        c = c.getSuperclass()) {
      try {
        return c.getDeclaredMethod(name, params);
      } catch (NoSuchMethodException notHere) {
        // look in the superclass
      }
    }
    return null;
  }

  @Test
  void everyJdk17InterfaceMethodIsImplementedByAReproKitClassForEachWrapper() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<Class<?>, Class<?>> e : WRAPPERS.entrySet()) {
      Class<?> wrapper = e.getKey();
      for (Method m : e.getValue().getMethods()) {
        if (Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        checked++;
        Method own = implementation(wrapper, m.getName(), m.getParameterTypes());
        if (own == null) {
          missing.add(wrapper.getSimpleName() + "." + m.getName() + " " + List.of(m.getParameterTypes()));
        } else if (own.isBridge() || Modifier.isAbstract(own.getModifiers())
            || !Modifier.isPublic(own.getModifiers())) {
          missing.add(wrapper.getSimpleName() + "." + m.getName() + " (bridge/abstract/not public)");
        } else {
          try {
            // what a call on the wrapper actually runs is that ReproKit method
            Method runs = wrapper.getMethod(m.getName(), m.getParameterTypes());
            if (!runs.equals(own)) {
              missing.add(wrapper.getSimpleName() + "." + m.getName() + " resolves to " + runs);
            }
          } catch (NoSuchMethodException impossible) {
            missing.add(wrapper.getSimpleName() + "." + m.getName() + " not callable");
          }
        }
      }
    }
    assertThat(missing).as("interface methods without a ReproKit implementation").isEmpty();
    assertThat(checked).isGreaterThan(700);
  }

  @Test
  void statementMethodsAreWrittenOnceAndInheritedByPreparedAndCallableWrappers()
      throws Exception {
    assertThat(ReproPreparedStatement.class.getSuperclass()).isEqualTo(ReproStatement.class);
    assertThat(ReproCallableStatement.class.getSuperclass())
        .isEqualTo(ReproPreparedStatement.class);
    for (Method m : Statement.class.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())) {
        assertThat(ReproCallableStatement.class.getMethod(m.getName(), m.getParameterTypes())
            .getDeclaringClass()).as(m.toString()).isEqualTo(ReproStatement.class);
      }
    }
    for (Method m : PreparedStatement.class.getDeclaredMethods()) {
      if (!Modifier.isStatic(m.getModifiers())) {
        assertThat(ReproCallableStatement.class.getMethod(m.getName(), m.getParameterTypes())
            .getDeclaringClass()).as(m.toString()).isEqualTo(ReproPreparedStatement.class);
      }
    }
  }

  @Test
  void jdbc42And43MethodsAreAmongTheOverrides() throws Exception {
    assertThat(ReproStatement.class.getDeclaredMethod("executeLargeUpdate", String.class)).isNotNull();
    assertThat(ReproStatement.class.getDeclaredMethod("executeLargeBatch")).isNotNull();
    assertThat(ReproStatement.class.getDeclaredMethod("enquoteLiteral", String.class)).isNotNull();
    assertThat(ReproConnection.class.getDeclaredMethod("beginRequest")).isNotNull();
    assertThat(ReproConnection.class.getDeclaredMethod("setShardingKey",
        java.sql.ShardingKey.class)).isNotNull();
    assertThat(ReproDataSource.class.getDeclaredMethod("createConnectionBuilder")).isNotNull();
  }

  @Test
  void wrappersAreHandWrittenClassesNotDynamicProxies() {
    for (Class<?> wrapper : WRAPPERS.keySet()) {
      assertThat(Proxy.isProxyClass(wrapper)).as(wrapper.getName()).isFalse();
      if (wrapper == ReproStatement.class || wrapper == ReproPreparedStatement.class) {
        // extended by the next statement level, and only inside the package
        assertThat(wrapper.getDeclaredConstructors()).as(wrapper.getName()).allSatisfy(c ->
            assertThat(c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)).isZero());
      } else {
        assertThat(Modifier.isFinal(wrapper.getModifiers())).as(wrapper.getName()).isTrue();
      }
    }
  }
}
