import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes a hand-written JDBC wrapper: every method of the wrapped {@code java.sql}
 * interface that the source file does not declare yet is appended as a plain delegation
 * (with bind-value capture for parameter setters and result-set wrapping where a raw result
 * set would leak). Not part of the build; run with
 * {@code java jdbc-capture/src/build/WrapperGenerator.java <interface> <file.java>} after
 * changing a wrapper by hand, then review the diff.
 *
 * <p>The statement wrappers are one class hierarchy ({@code ReproStatement} &lt;
 * {@code ReproPreparedStatement} &lt; {@code ReproCallableStatement}): for
 * {@code PreparedStatement} and {@code CallableStatement} only the methods that interface itself
 * declares are generated (the rest are inherited from the wrapper one level up), and they call
 * that level's typed reference ({@code preparedDelegate}, {@code callableDelegate}).
 */
public class WrapperGenerator {
  static final Pattern SIG = Pattern.compile(
      "^\\s*(?:@\\w+\\s+)*public\\s+(?:final\\s+)?(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+?\\s+(\\w+)\\((.*?)\\)\\s*(?:throws\\s+[\\w., ]+)?\\s*\\{",
      Pattern.MULTILINE);

  /** The field the generated calls go through: each statement level has its own typed one. */
  static String delegate = "delegate";

  public static void main(String[] args) throws Exception {
    Class<?> iface = Class.forName(args[0]);
    boolean subStatement = iface == java.sql.PreparedStatement.class
        || iface == java.sql.CallableStatement.class;
    if (iface == java.sql.PreparedStatement.class) {
      delegate = "preparedDelegate";
    } else if (iface == java.sql.CallableStatement.class) {
      delegate = "callableDelegate";
    }
    Path file = Path.of(args[1]);
    String src = Files.readString(file);
    Set<String> declared = new TreeSet<>();
    Matcher m = SIG.matcher(src);
    while (m.find()) {
      declared.add(m.group(1) + "(" + String.join(",", paramTypes(m.group(2))) + ")");
    }
    Set<String> imports = new TreeSet<>();
    StringBuilder out = new StringBuilder();
    for (Method method : methods(iface)) {
      String key = key(method);
      if (declared.contains(key) || subStatement && !declaredBy(iface, method)) {
        continue; // written already, or inherited from the statement wrapper one level up
      }
      out.append('\n').append(render(iface, method, imports));
    }
    int end = src.lastIndexOf('}');
    String body = src.substring(0, end).replaceAll("\\s+$", "\n") + out + "}\n";
    // add imports
    Matcher im = Pattern.compile("^import ([\\w.]+);", Pattern.MULTILINE).matcher(body);
    Set<String> have = new TreeSet<>();
    while (im.find()) {
      have.add(im.group(1));
    }
    imports.removeAll(have);
    if (!imports.isEmpty()) {
      StringBuilder add = new StringBuilder();
      for (String i : imports) {
        add.append("import ").append(i).append(";\n");
      }
      int at = body.indexOf("\nimport ");
      if (at < 0) {
        at = body.indexOf(";\n") + 1; // after package
        body = body.substring(0, at + 1) + "\n" + add + body.substring(at + 1);
      } else {
        body = body.substring(0, at + 1) + add + body.substring(at + 1);
      }
      body = sortImports(body);
    }
    Files.writeString(file, body);
    System.out.println(file + ": added " + (out.length() == 0 ? 0 : out.toString().split("@Override").length - 1) + " methods");
  }

  static boolean declaredBy(Class<?> iface, Method m) {
    try {
      iface.getDeclaredMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException inherited) {
      return false;
    }
  }

  static String sortImports(String body) {
    String[] lines = body.split("\n", -1);
    List<String> imps = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("import ")) {
        if (first < 0) first = i;
        last = i;
        imps.add(lines[i]);
      }
    }
    imps = new ArrayList<>(new TreeSet<>(imps));
    List<String> res = new ArrayList<>();
    for (int i = 0; i < first; i++) res.add(lines[i]);
    res.addAll(imps);
    for (int i = last + 1; i < lines.length; i++) res.add(lines[i]);
    return String.join("\n", res);
  }

  static List<String> paramTypes(String params) {
    List<String> result = new ArrayList<>();
    if (params.isBlank()) {
      return result;
    }
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : params.toCharArray()) {
      if (c == '<') depth++;
      if (c == '>') depth--;
      if (c == ',' && depth == 0) {
        result.add(typeOf(cur.toString()));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    result.add(typeOf(cur.toString()));
    return result;
  }

  static String typeOf(String param) {
    String p = param.trim().replaceAll("^final\\s+", "").replaceAll("<.*>", "");
    p = p.substring(0, p.lastIndexOf(' ')).trim().replace("...", "[]");
    int dot = p.lastIndexOf('.');
    return dot >= 0 ? p.substring(dot + 1) : p;
  }

  static String key(Method m) {
    List<String> ps = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      ps.add(p.getSimpleName());
    }
    return m.getName() + "(" + String.join(",", ps) + ")";
  }

  static List<Method> methods(Class<?> iface) {
    Map<String, Method> byKey = new LinkedHashMap<>();
    List<Method> all = new ArrayList<>(List.of(iface.getMethods()));
    all.sort((a, b) -> {
      int c = Integer.compare(depth(b.getDeclaringClass()), depth(a.getDeclaringClass()));
      return c;
    });
    for (Method m : iface.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String k = key(m);
      Method prev = byKey.get(k);
      if (prev == null || prev.getReturnType().isAssignableFrom(m.getReturnType())
          && prev.getReturnType() != m.getReturnType()) {
        byKey.put(k, m);
      }
    }
    List<Method> list = new ArrayList<>(byKey.values());
    return list;
  }

  static int depth(Class<?> c) {
    int d = 0;
    for (Class<?> i : c.getInterfaces()) {
      d = Math.max(d, 1 + depth(i));
    }
    return d;
  }

  static String render(Class<?> iface, Method m, Set<String> imports) {
    StringBuilder b = new StringBuilder();
    b.append("  @Override\n");
    if (m.isAnnotationPresent(Deprecated.class)) {
      b.append("  @Deprecated\n  @SuppressWarnings(\"deprecation\")\n");
    }
    b.append("  public ");
    TypeVariable<Method>[] tvs = m.getTypeParameters();
    if (tvs.length > 0) {
      List<String> names = new ArrayList<>();
      for (TypeVariable<Method> tv : tvs) names.add(tv.getName());
      b.append('<').append(String.join(", ", names)).append("> ");
    }
    b.append(type(m.getGenericReturnType(), imports)).append(' ').append(m.getName()).append('(');
    Type[] ps = m.getGenericParameterTypes();
    List<String> names = names(iface, m);
    for (int i = 0; i < ps.length; i++) {
      if (i > 0) b.append(", ");
      b.append(type(ps[i], imports)).append(' ').append(names.get(i));
    }
    b.append(')');
    if (m.getExceptionTypes().length > 0) {
      List<String> ex = new ArrayList<>();
      for (Class<?> e : m.getExceptionTypes()) ex.add(type(e, imports));
      b.append(" throws ").append(String.join(", ", ex));
    }
    b.append(" {\n");
    String call = delegate + "." + m.getName() + "(" + String.join(", ", names) + ")";
    boolean setter = isBindSetter(m);
    if (m.getName().equals("registerOutParameter")) {
      b.append("    ").append(call).append(";\n");
      b.append("    capture.registerOut(").append(names.get(0)).append(");\n");
    } else if (setter) {
      b.append(bindSetter(m, names, imports));
    } else if (m.getReturnType() == void.class) {
      b.append("    ").append(call).append(";\n");
    } else if (m.getReturnType() == java.sql.ResultSet.class) {
      b.append("    return wrapResultSet(").append(call).append(");\n");
    } else if (m.getReturnType() == java.sql.Connection.class) {
      b.append("    return connection;\n");
    } else {
      b.append("    return ").append(call).append(";\n");
    }
    b.append("  }\n");
    return b.toString();
  }

  static boolean isBindSetter(Method m) {
    Class<?> d = m.getDeclaringClass();
    return (d == java.sql.PreparedStatement.class || d == java.sql.CallableStatement.class)
        && m.getName().startsWith("set") && m.getParameterCount() >= 2
        && (m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == String.class);
  }

  static String bindSetter(Method m, List<String> names, Set<String> imports) {
    Class<?>[] p = m.getParameterTypes();
    String idx = names.get(0);
    String setter = '"' + m.getName() + '"';
    boolean named = p[0] == String.class;
    String bind = named ? "capture.binds.bindNamed(" + idx : "capture.binds.bind(" + idx;
    String tee = named ? "capture.binds.teeNamed(" + idx : "capture.binds.tee(" + idx;
    String sqlType = "null";
    String value = names.get(1);
    List<String> callArgs = new ArrayList<>(names);
    StringBuilder pre = new StringBuilder();
    if (m.getName().equals("setNull")) {
      sqlType = names.get(1);
      value = "null";
    } else if (m.getName().equals("setObject") && p.length >= 3) {
      sqlType = p[2] == int.class ? names.get(2) : "Values.sqlType(" + names.get(2) + ")";
    }
    if (InputStreamOrReader(p[1])) {
      String len = p.length >= 3 ? names.get(2) : "-1L";
      String kind = p[1] == java.io.InputStream.class ? "InputStream" : "Reader";
      imports.add(p[1].getName());
      pre.append("    ").append(kind).append(" teed = ").append(tee).append(", ").append(setter)
          .append(", ").append(names.get(1)).append(", ").append(len).append(");\n");
      callArgs.set(1, "teed");
      return pre + "    " + delegate + "." + m.getName() + "(" + String.join(", ", callArgs) + ");\n";
    }
    StringBuilder b = new StringBuilder();
    b.append("    ").append(delegate).append('.').append(m.getName()).append('(').append(String.join(", ", callArgs)).append(");\n");
    b.append("    ").append(bind).append(", ").append(setter).append(", ").append(sqlType)
        .append(", ").append(value).append(");\n");
    return b.toString();
  }

  static boolean InputStreamOrReader(Class<?> c) {
    return c == java.io.InputStream.class || c == java.io.Reader.class;
  }

  static List<String> names(Class<?> iface, Method m) {
    List<String> names = new ArrayList<>();
    Class<?>[] ps = m.getParameterTypes();
    Map<String, Integer> seen = new LinkedHashMap<>();
    boolean rs = iface == java.sql.ResultSet.class;
    boolean stmt = java.sql.PreparedStatement.class.isAssignableFrom(iface)
        && (m.getDeclaringClass() == java.sql.PreparedStatement.class
            || m.getDeclaringClass() == java.sql.CallableStatement.class);
    for (int i = 0; i < ps.length; i++) {
      String n;
      if (i == 0 && rs && ps[i] == int.class && !m.getName().matches("absolute|relative|setFetch.*|findColumn")) {
        n = "columnIndex";
      } else if (i == 0 && rs && ps[i] == String.class && !m.getName().equals("findColumn")) {
        n = "columnLabel";
      } else if (i == 0 && stmt && ps[i] == int.class) {
        n = "parameterIndex";
      } else if (i == 0 && stmt && ps[i] == String.class) {
        n = "parameterName";
      } else if (i > 0 && ps[i] == int.class && m.getName().equals("setNull")) {
        n = "sqlType";
      } else if (i == 1 && (m.getName().startsWith("update") || m.getName().startsWith("set"))) {
        n = "x";
      } else {
        n = base(ps[i]);
      }
      int count = seen.merge(n, 1, Integer::sum);
      names.add(count == 1 ? n : n + count);
    }
    return names;
  }

  static String base(Class<?> c) {
    if (c.isArray()) {
      return base(c.getComponentType()) + "s";
    }
    switch (c.getName()) {
      case "int": return "n";
      case "long": return "length";
      case "boolean": return "flag";
      case "short": case "byte": case "float": case "double": return "value";
      case "java.lang.String": return "string";
      case "java.lang.Object": return "value";
      case "java.lang.Class": return "type";
      default:
        String s = c.getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
  }

  static String type(Type t, Set<String> imports) {
    if (t instanceof Class<?> c) {
      if (c.isArray()) {
        return type(c.getComponentType(), imports) + "[]";
      }
      if (!c.isPrimitive() && !c.getPackageName().equals("java.lang")) {
        imports.add(c.getName().replace('$', '.'));
      }
      return c.getSimpleName();
    }
    if (t instanceof ParameterizedType p) {
      List<String> args = new ArrayList<>();
      for (Type a : p.getActualTypeArguments()) args.add(type(a, imports));
      return type(p.getRawType(), imports) + "<" + String.join(", ", args) + ">";
    }
    if (t instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) return "? super " + type(w.getLowerBounds()[0], imports);
      Type[] ub = w.getUpperBounds();
      if (ub.length == 0 || ub[0] == Object.class) return "?";
      return "? extends " + type(ub[0], imports);
    }
    if (t instanceof TypeVariable<?> v) {
      return v.getName();
    }
    if (t instanceof GenericArrayType g) {
      return type(g.getGenericComponentType(), imports) + "[]";
    }
    throw new IllegalArgumentException(t.toString());
  }
}
