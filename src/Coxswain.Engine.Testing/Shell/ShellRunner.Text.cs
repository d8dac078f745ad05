using System.Globalization;
using System.Text;

namespace Coxswain.Engine.Testing;

/// <summary>Commands that print: echo, printf, env/printenv.</summary>
internal sealed partial class ShellRunner
{
    private void Echo(List<string> args, ShellIo io)
    {
        var newline = true;
        var escapes = false;
        var i = 0;
        while (i < args.Count && args[i].Length > 1 && args[i][0] == '-' && args[i].Skip(1).All(c => c is 'n' or 'e' or 'E'))
        {
            newline &= !args[i].Contains('n', StringComparison.Ordinal);
            escapes = args[i].Contains('e', StringComparison.Ordinal) || (escapes && !args[i].Contains('E', StringComparison.Ordinal));
            i++;
        }

        var text = string.Join(' ', args.Skip(i));
        if (escapes)
        {
            text = Unescape(text, out var stop);
            newline &= !stop;
        }

        Write(io.Out, newline ? text + "\n" : text);
        _status = 0;
    }

    private void Printf(List<string> args, ShellIo io)
    {
        if (args.Count == 0)
        {
            Write(io.Err, "printf: usage: printf FORMAT [ARG]...\n");
            _status = 1;
            return;
        }

        var format = args[0];
        var values = args.Skip(1).ToList();
        var output = new StringBuilder();
        var next = 0;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '%' && i + 1 < format.Length)
                {
                    var spec = format[++i];
                    var value = next < values.Count ? values[next] : "";
                    switch (spec)
                    {
                        case '%':
                            output.Append('%');
                            continue;
                        case 'd' or 'i':
                            output.Append(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0);
                            break;
                        case 'b':
                            output.Append(Unescape(value, out _));
                            break;
                        default:
                            output.Append(value);
                            break;
                    }

                    next++;
                }
                else if (c == '\\' && i + 1 < format.Length)
                {
                    output.Append(Unescape(format.Substring(i, 2), out _));
                    i++;
                }
                else
                {
                    output.Append(c);
                }
            }
        }
        while (next > 0 && next < values.Count);

        Write(io.Out, output.ToString());
        _status = 0;
    }

    private static string Unescape(string text, out bool stop)
    {
        stop = false;
        var output = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                output.Append(text[i]);
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'n': output.Append('\n'); break;
                case 't': output.Append('\t'); break;
                case 'r': output.Append('\r'); break;
                case '\\': output.Append('\\'); break;
                case 'c':
                    stop = true;
                    return output.ToString();
                default:
                    output.Append('\\').Append(c);
                    break;
            }
        }

        return output.ToString();
    }

    private void PrintEnvironment(string name, List<string> args, ShellIo io)
    {
        var exported = _process.Environment.Keys.Concat(["HOSTNAME", "PATH", "HOME"]).Distinct().Where(_vars.ContainsKey);
        if (name == "printenv" && args.Count > 0)
        {
            _status = 0;
            foreach (var key in args)
            {
                if (_vars.TryGetValue(key, out var value))
                {
                    Write(io.Out, value + "\n");
                }
                else
                {
                    _status = 1;
                }
            }

            return;
        }

        foreach (var key in exported)
        {
            Write(io.Out, $"{key}={_vars[key]}\n");
        }

        _status = 0;
    }
}
