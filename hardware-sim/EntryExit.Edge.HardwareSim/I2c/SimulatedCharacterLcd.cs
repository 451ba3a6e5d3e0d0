using System.Device.I2c;

namespace EntryExit.Edge.HardwareSim.I2c;

/// <summary>
/// A 16×2 character LCD (HD44780) on a PCF8574 I2C backpack, as an <see cref="I2cDevice"/>: every byte the
/// gateway writes sets the expander's eight lines, and the HD44780 protocol is decoded back from them (the usual
/// backpack wiring: P0 = RS, P1 = R/W, P2 = E, P3 = backlight, P4–P7 = D4–D7; a nibble is latched when E falls).
/// Tests read <see cref="Lines"/> to see what the booth's display shows.
/// </summary>
public sealed class SimulatedCharacterLcd : I2cDevice
{
    private const int RegisterSelect = 0x01;
    private const int Enable = 0x04;
    private const int Backlight = 0x08;
    private const int LineLength = 40; // DDRAM characters per line in two-line mode
    private const int SecondLine = 0x40;

    private readonly Lock _gate = new();
    private readonly byte[] _ddram = new byte[0x80];
    private readonly int _columns;
    private readonly int _rows;
    private byte _port;
    private bool _eightBit = true; // the controller powers up in 8-bit mode; the driver switches it to 4-bit
    private bool _twoLines;
    private int? _highNibble;
    private int _address;
    private bool _increment = true;
    private bool _cgram;
    private int _shift;

    /// <summary>Creates a display at an I2C address (0x27 is the usual PCF8574 backpack, 0x3F the PCF8574A one).</summary>
    /// <param name="busId">The I2C bus.</param>
    /// <param name="address">The 7-bit device address.</param>
    /// <param name="columns">Visible characters per line.</param>
    /// <param name="rows">Visible lines.</param>
    public SimulatedCharacterLcd(int busId = 1, int address = 0x27, int columns = 16, int rows = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, LineLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 2);
        ConnectionSettings = new I2cConnectionSettings(busId, address);
        _columns = columns;
        _rows = rows;
        Array.Fill(_ddram, (byte)' ');
    }

    /// <summary>Raised after the displayed text, the display switch or the backlight changed (on the writer's thread).</summary>
    public event EventHandler? Changed;

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Whether the display is switched on (HD44780 display control).</summary>
    public bool DisplayOn { get; private set; }

    /// <summary>Whether the backpack's backlight line is high.</summary>
    public bool BacklightOn
    {
        get
        {
            lock (_gate)
            {
                return (_port & Backlight) != 0;
            }
        }
    }

    /// <summary>Every byte written so far (the I2C traffic), for tests that count writes.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>What each visible line shows, trailing blanks removed; empty lines while the display is off.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                var lines = new string[_rows];
                for (var row = 0; row < _rows; row++)
                {
                    var chars = new char[_columns];
                    for (var column = 0; column < _columns; column++)
                    {
                        var b = _ddram[RowBase(row) + Mod(column + _shift, _twoLines ? LineLength : 80)];
                        chars[column] = b is >= 0x20 and < 0x7F ? (char)b : '?';
                    }

                    lines[row] = DisplayOn ? new string(chars).TrimEnd() : string.Empty;
                }

                return lines;
            }
        }
    }

    /// <summary>The visible lines joined by '\n' (trailing empty lines removed).</summary>
    public string Text => string.Join('\n', Lines).TrimEnd('\n');

    /// <inheritdoc />
    public override byte ReadByte()
    {
        lock (_gate)
        {
            return _port; // the expander's lines as last driven
        }
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            buffer.Fill(_port);
        }
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => Write([value]);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var changed = false;
        lock (_gate)
        {
            foreach (var value in buffer)
            {
                changed |= Drive(value);
            }
        }

        if (changed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;

    private static int RowBase(int row) => row == 0 ? 0 : SecondLine;

    // One byte on the expander's lines. Returns true when what is displayed changed.
    private bool Drive(byte value)
    {
        BytesWritten++;
        var enableFell = (_port & Enable) != 0 && (value & Enable) == 0;
        var backlightChanged = ((_port ^ value) & Backlight) != 0;
        _port = value;
        if (!enableFell)
        {
            return backlightChanged;
        }

        var nibble = value >> 4;
        var data = (value & RegisterSelect) != 0;
        if (_eightBit)
        {
            // Only D4–D7 are wired: in 8-bit mode the controller reads the low four data lines as zero.
            return Execute((byte)(nibble << 4), data) || backlightChanged;
        }

        if (_highNibble is not { } high)
        {
            _highNibble = nibble;
            return backlightChanged;
        }

        _highNibble = null;
        return Execute((byte)((high << 4) | nibble), data) || backlightChanged;
    }

    private bool Execute(byte value, bool data)
    {
        if (data)
        {
            if (_cgram)
            {
                return false; // a custom character's pattern, not text
            }

            _ddram[_address] = value;
            Step(_increment ? 1 : -1);
            return true;
        }

        switch (value)
        {
            case >= 0x80: // set DDRAM address
                _address = value & 0x7F;
                _cgram = false;
                return false;
            case >= 0x40: // set CGRAM address
                _cgram = true;
                return false;
            case >= 0x20: // function set
                _eightBit = (value & 0x10) != 0;
                _twoLines = (value & 0x08) != 0;
                _highNibble = null;
                return false;
            case >= 0x10: // cursor or display shift
                if ((value & 0x08) != 0)
                {
                    _shift += (value & 0x04) != 0 ? -1 : 1;
                    return true;
                }

                Step((value & 0x04) != 0 ? 1 : -1);
                return false;
            case >= 0x08: // display on/off control
                var on = (value & 0x04) != 0;
                var changed = on != DisplayOn;
                DisplayOn = on;
                return changed;
            case >= 0x04: // entry mode set
                _increment = (value & 0x02) != 0;
                return false;
            case >= 0x02: // return home
                _address = 0;
                _shift = 0;
                _cgram = false;
                return true;
            case 0x01: // clear display
                Array.Fill(_ddram, (byte)' ');
                _address = 0;
                _shift = 0;
                _increment = true;
                _cgram = false;
                return true;
            default:
                return false;
        }
    }

    // The address counter after a write or a cursor move: two-line mode has two 40-character lines (0x00–0x27,
    // 0x40–0x67) that follow each other; one-line mode has 80 characters.
    private void Step(int direction)
    {
        if (!_twoLines)
        {
            _address = Mod(_address + direction, 80);
            return;
        }

        var line = _address >= SecondLine ? 1 : 0;
        var column = (_address & 0x3F) + direction;
        if (column >= LineLength)
        {
            (line, column) = (1 - line, 0);
        }
        else if (column < 0)
        {
            (line, column) = (1 - line, LineLength - 1);
        }

        _address = (line * SecondLine) + column;
    }
}
