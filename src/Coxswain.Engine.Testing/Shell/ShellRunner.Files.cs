using System.Globalization;
using System.Text;

namespace Coxswain.Engine.Testing;

/// <summary>Commands on files (cat, tail, rm, cd, mkdir, touch) and test / [.</summary>
internal sealed partial class ShellRunner
{
    private async Task CatAsync(string name, List<string> files, ShellIo io)
    {
        _status = 0;
        if (files.Count == 0)
        {
            files = ["-"];
        }

        foreach (var file in files)
        {
            if (file == "-")
            {
                if (io.In is { } input)
                {
                    Write(io.Out, _files.ReadAllText(input) ?? "");
                }
                else if (!_process.IsExec && _process.Spec.OpenStdin)
                {
                    await RunUntilKilledAsync().ConfigureAwait(false);
                }
            }
            else if (file != "/dev/null")
            {
                if (_files.ReadAllText(file) is { } text)
                {
                    Write(io.Out, text);
                }
                else
                {
                    Write(io.Err, $"{name}: can't open '{file}': No such file or directory\n");
                    _status = 1;
                }
            }
        }
    }

    private void Tail(List<string> args, ShellIo io)
    {
        var count = 10;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "-n" && i + 1 < args.Count)
            {
                _ = int.TryParse(args[++i].TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out count);
            }
            else if (args[i].StartsWith('-') && int.TryParse(args[i].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                count = n;
            }
            else if (!args[i].StartsWith('-') || args[i] == "-")
            {
                files.Add(args[i]);
            }
        }

        _status = 0;
        var text = new StringBuilder();
        foreach (var file in files.DefaultIfEmpty("-"))
        {
            var content = file == "-" ? (io.In is { } input ? _files.ReadAllText(input) : "") : _files.ReadAllText(file);
            if (content is null)
            {
                Write(io.Err, $"tail: can't open '{file}': No such file or directory\n");
                _status = 1;
                continue;
            }

            text.Append(content);
        }

        var lines = text.ToString().Split('\n');
        var kept = lines[^1].Length == 0 ? lines[..^1] : lines;
        Write(io.Out, string.Concat(kept.Skip(Math.Max(0, kept.Length - count)).Select(l => l + "\n")));
    }

    private void Remove(List<string> args, ShellIo io)
    {
        var force = args.Any(a => a.StartsWith('-') && a.Contains('f', StringComparison.Ordinal));
        _status = 0;
        foreach (var file in args.Where(a => !a.StartsWith('-')))
        {
            try
            {
                if (!_files.Delete(file) && !force && !_files.DirectoryExists(file))
                {
                    Write(io.Err, $"rm: can't remove '{file}': No such file or directory\n");
                    _status = 1;
                }
            }
            catch (IOException e)
            {
                Write(io.Err, $"rm: can't remove '{file}': {e.Message}\n");
                _status = 1;
            }
        }
    }

    private void ChangeDirectory(List<string> args, ShellIo io)
    {
        var target = args.Count == 0 ? _vars.GetValueOrDefault("HOME", "/") : args[0];
        if (!_files.DirectoryExists(target))
        {
            Write(io.Err, $"sh: cd: can't cd to {target}: No such file or directory\n");
            _status = 2;
            return;
        }

        _files = _files.WithWorkingDirectory(target);
        _vars["PWD"] = _files.WorkingDirectory;
        _status = 0;
    }

    private void MakeDirectories(List<string> args, ShellIo io)
    {
        _status = 0;
        foreach (var directory in args.Where(a => !a.StartsWith('-')))
        {
            try
            {
                _files.CreateDirectory(directory);
            }
            catch (IOException e)
            {
                Write(io.Err, $"mkdir: can't create directory '{directory}': {e.Message}\n");
                _status = 1;
            }
        }
    }

    private void Touch(List<string> args, ShellIo io)
    {
        _status = 0;
        foreach (var file in args.Where(a => !a.StartsWith('-')))
        {
            try
            {
                _files.AppendAllText(file, "");
            }
            catch (IOException e)
            {
                Write(io.Err, $"touch: {file}: {e.Message}\n");
                _status = 1;
            }
        }
    }

    private int Test(List<string> args, ShellIo io)
    {
        if (args.Count > 0 && args[0] == "!")
        {
            var inner = Test(args.Skip(1).ToList(), io);
            return inner == 2 ? 2 : 1 - inner;
        }

        switch (args.Count)
        {
            case 0:
                return 1;
            case 1:
                return args[0].Length > 0 ? 0 : 1;
            case 2:
                return args[0] switch
                {
                    "-z" => args[1].Length == 0 ? 0 : 1,
                    "-n" => args[1].Length > 0 ? 0 : 1,
                    "-f" => _files.FileExists(args[1]) ? 0 : 1,
                    "-d" => _files.DirectoryExists(args[1]) ? 0 : 1,
                    "-s" => (_files.ReadAllText(args[1])?.Length ?? 0) > 0 ? 0 : 1,
                    "-e" or "-r" or "-w" or "-x" => _files.FileExists(args[1]) || _files.DirectoryExists(args[1]) ? 0 : 1,
                    _ => BadTest(args, io),
                };
            case 3:
                var (left, op, right) = (args[0], args[1], args[2]);
                if (op is "=" or "==")
                {
                    return left == right ? 0 : 1;
                }

                if (op == "!=")
                {
                    return left != right ? 0 : 1;
                }

                if (!long.TryParse(left, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
                    || !long.TryParse(right, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
                {
                    Write(io.Err, $"sh: {(long.TryParse(left, CultureInfo.InvariantCulture, out _) ? right : left)}: bad number\n");
                    return 2;
                }

                bool? result = op switch
                {
                    "-eq" => a == b,
                    "-ne" => a != b,
                    "-lt" => a < b,
                    "-le" => a <= b,
                    "-gt" => a > b,
                    "-ge" => a >= b,
                    _ => null,
                };
                return result is null ? BadTest(args, io) : result.Value ? 0 : 1;
            default:
                return BadTest(args, io);
        }
    }

    private int BadTest(List<string> args, ShellIo io)
    {
        Write(io.Err, $"sh: test: unsupported expression '{string.Join(' ', args)}' in the in-memory engine's shell\n");
        return 2;
    }
}
