using System.Text;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;

namespace Lodestone.Services.Analytics;

/// <summary>
/// Builds the one <c>SELECT … GROUP BY</c> a dashboard table needs over a roll-up table, so the database
/// adds up the rows and only the groups travel. Column names come from a fixed map, never from the request;
/// values are parameters. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class RollupQuery
{
    private readonly List<object> _parameters = [];
    private readonly List<string> _where = [];
    private readonly string _table;
    private readonly IReadOnlyDictionary<string, string> _columns;
    private readonly IReadOnlyList<string> _dims;

    /// <param name="table">The roll-up table.</param>
    /// <param name="columns">Dimension name (as in <c>groupBy</c>) → column; <c>month</c> and <c>week</c> both read <c>PeriodStart</c>.</param>
    /// <param name="groupBy">The requested dimensions, comma-separated.</param>
    /// <param name="defaultGroupBy">Used when none are requested.</param>
    public RollupQuery(string table, IReadOnlyDictionary<string, string> columns, string? groupBy, string defaultGroupBy)
    {
        _table = table;
        _columns = columns;
        var dims = (string.IsNullOrWhiteSpace(groupBy) ? defaultGroupBy : groupBy)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var dim in dims.Where(d => !columns.ContainsKey(d) && d is not ("month" or "week")))
        {
            throw new DomainException("groupBy", $"'{dim}' is not a dimension; use any of month or week, {string.Join(", ", columns.Keys)}.");
        }

        if (dims.Contains("month") && dims.Contains("week"))
        {
            throw new DomainException("groupBy", "Group by month or by week, not both.");
        }

        _dims = dims;

        // Each event is in the table once per grain; reading one grain counts it once.
        Grain = dims.Contains("week") ? Grain.Week : Grain.Month;
        Where("\"Grain\"", WireName.Of(Grain), "=");
    }

    /// <summary>The grain read: week when grouped by week, otherwise month.</summary>
    public Grain Grain { get; }

    /// <summary>True when the result is broken down by this dimension.</summary>
    public bool Has(string dim) => _dims.Contains(dim);

    /// <summary>Adds a condition <c>column op value</c>.</summary>
    public RollupQuery Where(string column, object value, string op)
    {
        _parameters.Add(value);
        _where.Add($"{column} {op} {{{_parameters.Count - 1}}}");
        return this;
    }

    /// <summary>
    /// Limits the periods to the months from <paramref name="from"/>'s to <paramref name="to"/>'s (inclusive; either
    /// may be open). A week belongs to the range when it starts in it, or holds its first day.
    /// </summary>
    public RollupQuery Between(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new DomainException("from", "'from' must not be after 'to'.");
        }

        if (from is { } start)
        {
            Where("\"PeriodStart\"", Periods.StartOf(new DateOnly(start.Year, start.Month, 1), Grain), ">=");
        }

        if (to is { } end)
        {
            Where("\"PeriodStart\"", new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1), "<=");
        }

        return this;
    }

    /// <summary>The SQL and its parameters; <paramref name="aggregates"/> are select expressions with aliases.</summary>
    public (string Sql, object[] Parameters) Build(params string[] aggregates)
    {
        var select = new StringBuilder("SELECT ");
        var period = _dims.Contains("month") || _dims.Contains("week");
        select.Append(period ? "\"PeriodStart\"" : "CAST(NULL AS DATE)").Append(" AS \"PeriodStart\"");
        foreach (var (dim, column) in _columns)
        {
            select.Append(", ").Append(_dims.Contains(dim) ? column : "CAST(NULL AS VARCHAR(40))").Append(" AS ").Append(column);
        }

        foreach (var aggregate in aggregates)
        {
            select.Append(", ").Append(aggregate);
        }

        select.Append(" FROM \"").Append(_table).Append('"');
        select.Append(" WHERE ").Append(string.Join(" AND ", _where));
        var groups = new List<string>();
        if (period)
        {
            groups.Add("\"PeriodStart\"");
        }

        groups.AddRange(_columns.Where(c => _dims.Contains(c.Key)).Select(c => c.Value));
        if (groups.Count > 0)
        {
            select.Append(" GROUP BY ").Append(string.Join(", ", groups));
        }

        return (select.ToString(), _parameters.ToArray());
    }
}
