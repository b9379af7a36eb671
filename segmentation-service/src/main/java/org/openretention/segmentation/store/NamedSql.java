package org.openretention.segmentation.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement with named parameters ({@code :asOf}) as the domain's SQL renderings write them, made into a JDBC
 * statement: each {@code :name} outside quoted text becomes {@code ?}. {@code ::} casts are left alone.
 */
public final class NamedSql {

    private final String jdbc;
    private final List<String> names;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    public static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        boolean doubleQuoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' && !doubleQuoted) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                doubleQuoted = !doubleQuoted;
            } else if (c == ':' && !quoted && !doubleQuoted) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                    out.append("::");
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                if (end > i + 1 && Character.isLetter(sql.charAt(i + 1))) {
                    names.add(sql.substring(i + 1, end));
                    out.append('?');
                    i = end - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }

    public String jdbc() {
        return jdbc;
    }

    /** A prepared statement with every parameter bound from {@code values} (a missing name is an error). */
    public PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                statement.close();
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            statement.setObject(i + 1, values.get(names.get(i)));
        }
        return statement;
    }
}
