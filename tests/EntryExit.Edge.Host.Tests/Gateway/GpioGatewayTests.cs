using System.Collections.Concurrent;
using System.Device.Gpio;
using EntryExit.Edge.Devices.Display;
using EntryExit.Edge.HardwareSim.Gpio;
using EntryExit.Edge.HardwareSim.I2c;
using EntryExit.Edge.HardwareSim.Traffic;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>
/// The whole gateway with <c>Gpio:Driver</c> "simulated": the test stands in for the booth's break-beam and officer
/// button (the simulator driver's inputs) and reads the lights and buzzer the gateway drives (its outputs) and the
/// lane's LCD (the simulator's I2C display), while documents arrive through a FIFO reader and records go to a real broker.
/// </summary>
public sealed class GpioGatewayTests : IDisposable
{
    private const int Beam = 5;
    private const int Green = 10;
    private const int Amber = 11;
    private const int Red = 12;
    private const int Buzzer = 13;
    private const int UsCitizenButton = 20;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-gpio-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TrafficGenerator _people = new(new TrafficProfile { OcrErrorRate = 0 }, 7, DateOnly.FromDateTime(DateTime.Now));

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Accepted_traveller_lights_green_and_the_record_leaves_only_when_the_traveller_does()
    {
        var traveller = Person(TravellerKind.ThirdCountryPassport);

        await RunAsync(async booth =>
        {
            Assert.Equal((false, false, false), booth.Lights);
            await booth.WaitForAsync(() => booth.Lcd.Text == "Scan document", "the display's prompt");
            await booth.ArriveAsync();
            await booth.ScanAsync(traveller.Document);
            await booth.WaitForAsync(() => booth.Lights == (true, false, false), "green");
            await booth.WaitForAsync(() => booth.Lcd.Text == "Accepted", "the display says accepted");

            // The booth holds the session open while the traveller stands there: nothing is classified yet.
            Assert.Equal(0, booth.Counts.Stored);
            Assert.Equal("Scanned", booth.Phase);

            booth.Leave();
            await booth.WaitForAsync(() => booth.Delivered.Contains(traveller.DocumentNumber), "record delivered");
            await booth.WaitForAsync(() => booth.Lights == (false, false, false), "lights off");
            await booth.WaitForAsync(() => booth.Lcd.Text == "Scan document", "the display prompts the next traveller");
            Assert.Empty(booth.BuzzerPulses);
        });
    }

    [Fact]
    public async Task Bad_read_lights_amber_and_beeps_then_the_rescan_lights_green_and_is_the_one_delivered()
    {
        var traveller = Person(TravellerKind.UsGreenCard);

        await RunAsync(async booth =>
        {
            await booth.ArriveAsync();
            await booth.ScanAsync(["THIS<IS<NO<MRZ"]);
            await booth.WaitForAsync(() => booth.Lights == (false, true, false) && booth.Lcd.Text == "Rescan", "amber, and the display asks for a rescan");
            await booth.WaitForAsync(() => booth.BuzzerPulses.Count == 1 && booth.Driver.GetOutput(Buzzer) == PinValue.Low, "one buzzer pulse");

            await booth.ScanAsync(traveller.Document);
            await booth.WaitForAsync(() => booth.Lights == (true, false, false), "green after the rescan");
            booth.Leave();

            await booth.WaitForAsync(() => booth.Delivered.Contains(traveller.DocumentNumber) && booth.Idle, "record delivered");
            Assert.Equal(2, booth.Counts.Scanned);
            Assert.Single(booth.Delivered);
        });
    }

    [Fact]
    public async Task Held_document_lights_red_until_the_officer_button_declares_and_an_undeclared_one_stays_held()
    {
        var declaredCitizen = Person(TravellerKind.VisaOnly);
        var undeclared = Person(TravellerKind.VisaOnly);
        var eligible = Person(TravellerKind.ThirdCountryPassport);

        await RunAsync(async booth =>
        {
            // A visa alone: the policy would hold it, so the booth calls the officer (red, one beep).
            await booth.ArriveAsync();
            await booth.ScanAsync(declaredCitizen.Document);
            await booth.WaitForAsync(() => booth.Lights == (false, false, true) && booth.Lcd.Text == "See officer", "red, and the display sends the traveller to the officer");
            Assert.Equal("AwaitingDeclaration", booth.Phase);
            await booth.WaitForAsync(() => booth.BuzzerPulses.Count == 1, "a beep for the officer");

            // The officer presses "U.S. citizen": the hold is settled, green; the citizen is dropped when they leave.
            booth.Press(UsCitizenButton);
            await booth.WaitForAsync(() => booth.Lights == (true, false, false), "green after the declaration");
            booth.Release(UsCitizenButton);
            booth.Leave();
            await booth.WaitForAsync(() => booth.Counts.Excluded == 1 && booth.Idle, "declared citizen excluded");

            // No declaration this time: red until the traveller leaves, then the document is held, not sent.
            await booth.ArriveAsync();
            await booth.ScanAsync(undeclared.Document);
            await booth.WaitForAsync(() => booth.Lights == (false, false, true), "red again");
            booth.Leave();
            await booth.WaitForAsync(() => booth.Counts.Held == 1 && booth.Idle, "undeclared visa held");
            Assert.Equal((false, false, false), booth.Lights);

            // The broker link works: an eligible traveller after them is delivered, and only that one.
            await booth.ArriveAsync();
            await booth.ScanAsync(eligible.Document);
            booth.Leave();
            await booth.WaitForAsync(() => booth.Delivered.Contains(eligible.DocumentNumber), "eligible record delivered");
            Assert.Single(booth.Delivered);
        });
    }

    [Fact]
    public async Task Lane_without_gpio_next_to_a_lane_with_gpio_still_ends_its_sessions_on_the_settle_time()
    {
        var onPlainLane = Person(TravellerKind.ThirdCountryPassport);

        await RunAsync(async booth =>
        {
            await booth.ScanAsync(onPlainLane.Document, lane: "2");
            await booth.WaitForAsync(() => booth.Delivered.Contains(onPlainLane.DocumentNumber), "plain lane's record delivered");
            Assert.Equal((false, false, false), booth.Lights); // lane 1's lights belong to lane 1
        });
    }

    private SimulatedTraveller Person(TravellerKind kind) => _people.Traveller(0, "1", TimeSpan.Zero, kind);

    private async Task RunAsync(Func<Booth, Task> script)
    {
        var lane1 = Path.Combine(_dir.FullName, "lane1.fifo");
        var lane2 = Path.Combine(_dir.FullName, "lane2.fifo");
        GatewayEndToEndTests.MakeFifo(lane1);
        GatewayEndToEndTests.MakeFifo(lane2);
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
        var settings = GatewayEndToEndTests.Settings(exchange.Port, lane1);
        settings.Readers.Add(new ReaderSection { Id = "lane2", Lane = "2", Kind = ReaderKinds.File, Path = lane2 });
        settings.Booth = new BoothSection { SettleSeconds = 0.5, DeclarationTimeoutSeconds = 120, MaxSessionSeconds = 600 };
        settings.Gpio = new GpioSection
        {
            Driver = "simulated",
            Lanes =
            [
                new GpioLaneSection
                {
                    Lane = "1",
                    Presence = new GpioPresenceSection { Kind = "break-beam", Pin = Beam },
                    DebounceMilliseconds = 20,
                    GreenPin = Green, AmberPin = Amber, RedPin = Red, BuzzerPin = Buzzer, BuzzerMilliseconds = 50,
                    OfficerPins = new() { ["us-citizen"] = UsCitizenButton },
                    Lcd = new GpioLcdSection { Bus = 1, Address = "0x27" },
                },
            ],
        };
        Assert.True(Validate(settings).Count == 0, string.Join("; ", Validate(settings)));
        var driver = new SimulatedGpioDriver();
        var lcd = new SimulatedCharacterLcd();
        var opened = new ConcurrentQueue<(int Bus, int Address)>();
        var shown = new ConcurrentQueue<string>();
        lcd.Changed += (_, _) => shown.Enqueue(lcd.Text);
        var pulses = new ConcurrentQueue<DateTimeOffset>();
        driver.OutputChanged += (_, e) =>
        {
            if (e.PinNumber == Buzzer && e.ChangeType == PinEventTypes.Rising)
            {
                pulses.Enqueue(DateTimeOffset.UtcNow);
            }
        };

        var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null), _ct, new GatewayRunHooks
        {
            SimulatedBooth = new SimulatedBooth(() => driver, (bus, address) =>
            {
                opened.Enqueue((bus, address));
                return lcd;
            }),
            ConfigureLogging = b => b.ClearProviders(),
            WhileRunning = async (parts, host, ct) =>
            {
                await script(new Booth(driver, lcd, host, exchange, pulses, new Dictionary<string, string> { ["1"] = lane1, ["2"] = lane2 }, ct));
                return ExitCodes.Ok;
            },
        });

        Assert.Equal(0, code);
        Assert.False(driver.IsOpen(Green), "the gateway closes its pins when it stops");
        Assert.Equal((1, 0x27), Assert.Single(opened));
        Assert.Equal(LcdLaneDisplay.ClosedMessage, lcd.Text);

        // Privacy: while it was being written and in between, the display never showed anything but the booth's words.
        string[] words = [.. LcdLaneDisplay.Messages.Values, LcdLaneDisplay.ClosedMessage];
        Assert.All(shown, text => Assert.Contains(words, w => w.StartsWith(text, StringComparison.Ordinal)));
    }

    private static List<ConfigProblem> Validate(GatewaySettings settings)
    {
        var problems = new List<ConfigProblem>();
        GpioSettingsValidator.Validate(settings.Gpio, settings.Readers, problems);
        return problems;
    }

    /// <summary>The test's hands and eyes at the booth of lane 1.</summary>
    private sealed class Booth(SimulatedGpioDriver driver, SimulatedCharacterLcd lcd, IHost host, ExchangeSubscriber exchange, ConcurrentQueue<DateTimeOffset> pulses,
        IReadOnlyDictionary<string, string> fifos, CancellationToken ct)
    {
        private readonly ReaderIngestService _ingest = host.Services.GetRequiredService<ReaderIngestService>();

        public SimulatedGpioDriver Driver => driver;

        public SimulatedCharacterLcd Lcd => lcd;

        public (bool Green, bool Amber, bool Red) Lights => (On(Green), On(Amber), On(Red));

        public ConcurrentQueue<DateTimeOffset> BuzzerPulses => pulses;

        public GatewayCountsSnapshot Counts => host.Services.GetRequiredService<GatewayMetrics>().Snapshot();

        public string Phase => _ingest.LanePhases.GetValueOrDefault("1", "(lane not started)");

        public bool Idle => _ingest.AllLanesIdle;

        public IReadOnlyCollection<string?> Delivered => [.. exchange.Records.Values.Select(r => r.GetProperty("documentNumber").GetString())];

        // The beam is wired pull-up: broken (someone there) pulls the line low.
        public async Task ArriveAsync()
        {
            driver.SetInput(Beam, PinValue.Low);
            await WaitForAsync(() => Phase == "AwaitingScan", "session open on arrival");
        }

        public void Leave() => driver.SetInput(Beam, PinValue.High);

        public Task ScanAsync(IReadOnlyList<string> lines, string lane = "1") =>
            File.AppendAllTextAsync(fifos[lane], string.Join('\n', lines) + "\n\n", ct);

        // Buttons are wired pull-up: pressed pulls the line low. A press counts once it has held past the debounce time.
        public void Press(int pin) => driver.SetInput(pin, PinValue.Low);

        public void Release(int pin) => driver.SetInput(pin, PinValue.High);

        public Task WaitForAsync(Func<bool> condition, string what) =>
            GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(condition()), ct, () => Task.FromResult(
                $"{what}: lights {Lights}, display \"{Lcd.Text}\", phase {Phase}, delivered {Delivered.Count}, counts {Counts.Scanned} scanned/{Counts.Stored} stored/{Counts.Excluded} excluded/{Counts.Held} held"));

        private bool On(int pin) => driver.GetOutput(pin) == PinValue.High;
    }
}
