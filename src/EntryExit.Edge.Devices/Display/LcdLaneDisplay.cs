using System.Device.Gpio;
using System.Device.I2c;
using System.Threading.Channels;
using EntryExit.Edge.Devices.Gpio;
using Iot.Device.CharacterLcd;
using Iot.Device.Pcx857x;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Devices.Display;

/// <summary>
/// A lane's 16×2 character LCD (HD44780, <c>Lcd1602</c>) on a PCF8574 I2C backpack, showing the booth's step in a few
/// words: never a name, a number or anything from the document. Writes happen on a background task (an LCD takes
/// milliseconds per line over I2C; the booth session must not wait for it), only the latest state is written, and a
/// display that is missing or fails is reported and opened again at the next change: the lane works without it.
/// </summary>
public sealed class LcdLaneDisplay : ILaneIndicators, IDisposable
{
    /// <summary>What the display says in each state (ASCII: the HD44780's character ROM).</summary>
    public static IReadOnlyDictionary<IndicatorState, string> Messages { get; } = new Dictionary<IndicatorState, string>
    {
        [IndicatorState.Off] = "Scan document",
        [IndicatorState.Accepted] = "Accepted",
        [IndicatorState.Rescan] = "Rescan",
        [IndicatorState.Attention] = "See officer",
    };

    /// <summary>What the display says once the gateway has stopped.</summary>
    public const string ClosedMessage = "Lane closed";

    // The usual backpack wiring: P0 = RS, P1 = R/W, P2 = E, P3 = backlight, P4–P7 = D4–D7.
    private static readonly int[] DataPins = [4, 5, 6, 7];

    private readonly string _lane;
    private readonly Func<I2cDevice> _openDevice;
    private readonly ILogger _logger;
    private readonly Channel<string> _pending = Channel.CreateBounded<string>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private readonly Task _writer;
    private Lcd1602? _lcd;
    private bool _failing;

    /// <summary>Starts the display's writer; the device is opened on the first message.</summary>
    /// <param name="lane">The lane (for log lines).</param>
    /// <param name="openDevice">Opens the I2C device at the display's bus and address (called again after a failure).</param>
    /// <param name="logger">Where a missing or failing display is reported.</param>
    public LcdLaneDisplay(string lane, Func<I2cDevice> openDevice, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(openDevice);
        _lane = lane;
        _openDevice = openDevice;
        _logger = logger ?? NullLogger.Instance;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public IndicatorState Current { get; private set; }

    /// <inheritdoc />
    public void Show(IndicatorState state)
    {
        Current = state;
        _pending.Writer.TryWrite(Messages[state]);
    }

    /// <summary>Writes "Lane closed", then releases the display and its bus.</summary>
    public void Dispose()
    {
        _pending.Writer.TryWrite(ClosedMessage);
        _pending.Writer.TryComplete();
        // Bounded: a hung bus must not hold up the gateway's stop.
        _writer.Wait(TimeSpan.FromSeconds(2));
        _lcd?.Dispose();
        _lcd = null;
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var message in _pending.Reader.ReadAllAsync())
        {
            try
            {
                _lcd ??= Open();
                _lcd.Clear();
                _lcd.Write(message);
                if (_failing)
                {
                    _failing = false;
                    DisplayLog.Recovered(_logger, _lane);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException
                                          or PlatformNotSupportedException or DllNotFoundException)
            {
                if (!_failing)
                {
                    _failing = true;
                    DisplayLog.Failed(_logger, _lane, e.GetType().Name, e.Message);
                }

                _lcd?.Dispose();
                _lcd = null;
            }
        }
    }

    private Lcd1602 Open()
    {
        var device = _openDevice();
        try
        {
            var controller = new GpioController(new Pcf8574(device));
            return new Lcd1602(registerSelectPin: 0, enablePin: 2, dataPins: DataPins, backlightPin: 3, readWritePin: 1, controller: controller, shouldDispose: true);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }
}
