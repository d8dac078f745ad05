using System.Text;

namespace Coxswain.Plans.Yaml;

/// <summary>
/// <c>${name}</c> and <c>${name:-default}</c> in scalar values, from the plan's variables (and the
/// loader's overrides); <c>$$</c> is a literal <c>$</c>. An unknown variable without a default is an error.
/// </summary>
internal sealed class Interpolator(IReadOnlyDictionary<string, string> variables, List<PlanError> errors)
{
    public string? TaskName { get; set; }

    public YNode Apply(YNode node) => node switch
    {
        YScalar s => new YScalar(Apply(s), s.IsPlain, s.Location),
        YSequence q => new YSequence(q.Items.Select(Apply).ToList(), q.Location),
        YMapping m => new YMapping(m.Entries.Select(e => new KeyValuePair<YScalar, YNode>(e.Key, Apply(e.Value))).ToList(), m.Location),
        _ => node,
    };

    public string Apply(YScalar scalar)
    {
        var text = scalar.Value;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            if (text[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }

            if (text[i + 1] != '{')
            {
                result.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            var location = scalar.Location with { Column = scalar.Location.Column + scalar.TextOffset + i };
            if (end < 0)
            {
                errors.Add(new PlanError($"unclosed '${{' in '{text}'; write ${{name}}, or $$ for a literal '$'.", TaskName, location));
                return text;
            }

            var body = text[(i + 2)..end];
            var split = body.IndexOf(":-", StringComparison.Ordinal);
            var name = split < 0 ? body : body[..split];
            if (variables.TryGetValue(name, out var value))
            {
                result.Append(value);
            }
            else if (split >= 0)
            {
                result.Append(body[(split + 2)..]);
            }
            else
            {
                var known = variables.Count == 0 ? "the plan defines no variables" : $"defined: {string.Join(", ", variables.Keys.Order(StringComparer.Ordinal))}";
                errors.Add(new PlanError($"unknown variable '{name}' ({known}); define it under 'variables', pass it to the loader, or write ${{{name}:-default}}.", TaskName, location));
            }

            i = end;
        }

        return result.ToString();
    }
}
