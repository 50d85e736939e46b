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

  @Test
  void everyJdk17InterfaceMethodIsOverriddenByEachWrapper() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<Class<?>, Class<?>> e : WRAPPERS.entrySet()) {
      Class<?> wrapper = e.getKey();
      for (Method m : e.getValue().getMethods()) {
        if (Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        checked++;
        try {
          Method own = wrapper.getDeclaredMethod(m.getName(), m.getParameterTypes());
          if (own.isBridge() || Modifier.isAbstract(own.getModifiers())) {
            missing.add(wrapper.getSimpleName() + "." + m.getName() + " (bridge/abstract)");
          }
        } catch (NoSuchMethodException notOverridden) {
          missing.add(wrapper.getSimpleName() + "." + m.getName() + " " + List.of(m.getParameterTypes()));
        }
      }
    }
    assertThat(missing).as("interface methods without an override").isEmpty();
    assertThat(checked).isGreaterThan(700);
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
      assertThat(Modifier.isFinal(wrapper.getModifiers())).as(wrapper.getName()).isTrue();
    }
  }
}
