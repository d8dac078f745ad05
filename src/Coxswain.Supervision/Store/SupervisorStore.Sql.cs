using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Coxswain.Supervision;

/// <summary>The store's SQL helpers.</summary>
public sealed partial class SupervisorStore
{
    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize([.. values], StoreJsonContext.Default.ListString);

    private static List<string> Strings(string json) => JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListString) ?? [];

    private void Write(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = Command(sql, parameters);
            command.ExecuteNonQuery();
        }
    }

    private List<T> Read<T>(string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> map)
    {
        lock (_gate)
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var result = new List<T>();
            while (reader.Read())
            {
                result.Add(map(reader));
            }

            return result;
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // the SQL is constant text of this class; values go in as parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
