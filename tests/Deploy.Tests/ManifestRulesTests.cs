using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ComplaintsPlatform.Deploy;
using ComplaintsPlatform.LocalInfrastructure;

namespace ComplaintsPlatform.Deploy.Tests;

/// <summary>The production overlay as Kustomize renders it: valid for its APIs and kept to the platform's rules.</summary>
public sealed partial class ManifestRulesTests(RenderedManifests manifests) : IClassFixture<RenderedManifests>
{
    private static readonly string[] Services =
        ["intake", "case-workflow", "ombudsman-liaison", "compliments", "reporting", "identity", "gateway", "web"];

    [Fact]
    public void Every_object_of_the_overlay_the_base_and_the_recovery_cluster_validates_against_its_API()
    {
        Assert.True(manifests.Production.ExitCode == 0, manifests.Production.Problems);
        Assert.True(manifests.Base.ExitCode == 0, manifests.Base.Problems);
        Assert.Equal(Services.Order(), manifests.Kind("Deployment").Select(Name).Order());
        Assert.Single(manifests.Kind("Cluster"));
        Assert.Single(manifests.Kind("ScheduledBackup"));
        Assert.Single(manifests.Kind("Job"));
        Assert.Equal("Cluster", (string?)Assert.Single(manifests.Production.Extras)!["kind"]);
    }

    [Fact]
    public async Task The_validator_refuses_a_wrong_type_and_a_field_CloudNativePG_does_not_have()
    {
        var folder = Directory.CreateTempSubdirectory("cp-validate-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "resources:\n- bad.yaml\n");
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec: {replicas: two, selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: a, image: b}]}}}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec: {instances: 3, storage: {size: 1Gi}, postgresql: {synchronous: {method: any, number: 1}}, backups: {}}
                """);

            var result = await Validator.RunAsync(folder);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Deployment/x: data/spec/replicas must be integer", result.Problems);
            Assert.Contains("Cluster/pg.spec.backups: not a field of the API", result.Problems);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_platform_service_runs_two_or_more_replicas_ready_on_health_and_alive_on_alive()
    {
        foreach (var name in Services)
        {
            var deployment = manifests.Named("Deployment", name);
            Assert.True((int)deployment["spec"]!["replicas"]! >= 2, $"{name} has fewer than 2 replicas");
            var container = Pod(deployment)["containers"]!.AsArray().OfType<JsonObject>().Single(c => Name(c) == name);
            Assert.Equal("/health", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/alive", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("http", (string?)container["readinessProbe"]!["httpGet"]!["port"]);
        }
    }

    [Fact]
    public void Every_container_requests_and_limits_cpu_and_memory_and_requests_no_more_than_its_limit()
    {
        var workloads = manifests.Objects.Where(o => (string?)o["kind"] is "Deployment" or "StatefulSet" or "Job");
        foreach (var container in workloads.SelectMany(Containers))
        {
            var resources = container["resources"];
            foreach (var kind in new[] { "cpu", "memory" })
            {
                var request = Quantity((string?)resources?["requests"]?[kind]);
                var limit = Quantity((string?)resources?["limits"]?[kind]);
                Assert.True(request > 0 && limit >= request, $"{Name(container)}: {kind} request {request}, limit {limit}");
            }
        }
        var postgres = manifests.Named("Cluster", "complaints-postgres")["spec"]!["resources"]!;
        Assert.NotNull(postgres["limits"]?["memory"]);
    }

    [Fact]
    public void Every_deployment_and_redis_keep_a_pod_through_voluntary_disruptions()
    {
        foreach (var name in Services.Append("redis"))
        {
            var budget = manifests.Named("PodDisruptionBudget", name);
            var workload = manifests.Objects.Single(o => (string?)o["kind"] is "Deployment" or "StatefulSet" && Name(o) == name);
            Assert.True(JsonNode.DeepEquals(workload["spec"]!["selector"], budget["spec"]!["selector"]), $"{name}'s budget selects other pods");
            var minAvailable = (int)budget["spec"]!["minAvailable"]!;
            Assert.InRange(minAvailable, 1, (int)workload["spec"]!["replicas"]! - 1);
        }
    }

    [Fact]
    public void No_secret_value_is_written_only_references_to_secret_names_and_keys()
    {
        Assert.Empty(manifests.Kind("Secret"));
        var workloads = manifests.Objects.Where(o => (string?)o["kind"] is "Deployment" or "StatefulSet" or "Job");
        foreach (var env in workloads.SelectMany(Containers).SelectMany(c => c["env"]?.AsArray().OfType<JsonObject>() ?? []))
        {
            var name = (string)env["name"]!;
            var value = (string?)env["value"];
            if (SecretLike().IsMatch(name))
            {
                Assert.True(env["valueFrom"]?["secretKeyRef"] is not null, $"{name} is not a secret reference");
            }
            if (value is not null)
            {
                // A connection string carries $(SECRET_…), resolved by the kubelet from a secretKeyRef above it.
                Assert.DoesNotMatch(ClearPassword(), value);
            }
        }
        foreach (var file in Directory.EnumerateFiles(Repository.Path("deploy"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(ClearPassword(), File.ReadAllText(file));
        }
    }

    [Fact]
    public void The_provisioning_job_makes_one_login_per_service_schema_and_each_service_connects_as_its_own()
    {
        var job = manifests.Named("Job", "provision-schemas");
        var logins = Containers(job).Single()["env"]!.AsArray().OfType<JsonObject>()
            .Select(e => (string)e["name"]!)
            .Where(n => n.StartsWith("LOGIN_PASSWORD_", StringComparison.Ordinal))
            .Select(n => n["LOGIN_PASSWORD_".Length..].ToLowerInvariant())
            .ToList();
        Assert.Equal(ServiceSchemas.All.Select(s => s.Schema).Order(), logins.Order());

        var users = new List<string>();
        foreach (var deployment in manifests.Kind("Deployment"))
        {
            var connections = Containers(deployment).SelectMany(c => c["env"]!.AsArray().OfType<JsonObject>())
                .Where(e => ((string)e["name"]!).EndsWith("-db", StringComparison.Ordinal) && ((string)e["name"]!).StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                .Select(e => (Name: ((string)e["name"]!)["ConnectionStrings__".Length..], Value: (string)e["value"]!))
                .Distinct()
                .ToList();
            if (connections.Count == 0)
            {
                continue;
            }
            var (connection, value) = Assert.Single(connections);
            var user = Regex.Match(value, "Username=([a-z]+);").Groups[1].Value;
            Assert.Equal(ServiceSchemas.All.Single(s => s.ConnectionName == connection).Schema, user);
            users.Add(user);
            // The service starts only once its own login connects, i.e. after the job has run.
            var wait = Pod(deployment)["initContainers"]!.AsArray().OfType<JsonObject>().Single();
            Assert.Equal(["wait", connection], wait["args"]!.AsArray().Select(a => (string)a!));
        }
        Assert.Equal(ServiceSchemas.All.Select(s => s.Schema).Order(), users.Order());
    }

    [Fact]
    public void The_gateway_alone_is_reachable_from_outside_through_an_ingress_with_tls()
    {
        var ingress = Assert.Single(manifests.Kind("Ingress"));
        var rules = ingress["spec"]!["rules"]!.AsArray().OfType<JsonObject>().ToList();
        var backends = rules.SelectMany(r => r["http"]!["paths"]!.AsArray().OfType<JsonObject>())
            .Select(p => (string?)p["backend"]!["service"]!["name"]);
        Assert.All(backends, b => Assert.Equal("gateway", b));
        var tls = Assert.Single(ingress["spec"]!["tls"]!.AsArray().OfType<JsonObject>());
        Assert.False(string.IsNullOrEmpty((string?)tls["secretName"]));
        Assert.Equal(rules.Select(r => (string?)r["host"]), tls["hosts"]!.AsArray().Select(h => (string?)h));
        Assert.Equal("complaints.council.example", (string?)rules[0]["host"]);
        Assert.All(manifests.Kind("Service"), s => Assert.Contains((string?)s["spec"]!["type"] ?? "ClusterIP", new[] { "ClusterIP" }));
    }

    [Fact]
    public void PostgreSQL_is_a_CloudNativePG_cluster_of_three_with_a_synchronous_standby_and_continuous_backup()
    {
        var spec = manifests.Named("Cluster", "complaints-postgres")["spec"]!;
        Assert.Equal(3, (int)spec["instances"]!);
        Assert.True((int)spec["postgresql"]!["synchronous"]!["number"]! >= 1);
        Assert.Equal("required", (string?)spec["postgresql"]!["synchronous"]!["dataDurability"]);
        Assert.StartsWith("s3://", (string?)spec["backup"]!["barmanObjectStore"]!["destinationPath"]);
        Assert.Equal("90d", (string?)spec["backup"]!["retentionPolicy"]);
        var schedule = Assert.Single(manifests.Kind("ScheduledBackup"));
        Assert.Equal("complaints-postgres", (string?)schedule["spec"]!["cluster"]!["name"]);
        // The recovery example reads the production cluster's archive and archives to a path of its own.
        var recovery = manifests.Production.Extras.OfType<JsonObject>().Single()["spec"]!;
        Assert.Equal("complaints-postgres", (string?)recovery["bootstrap"]!["recovery"]!["source"]);
        var archive = spec["backup"]!["barmanObjectStore"]!;
        var source = recovery["externalClusters"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["name"] == "complaints-postgres")["barmanObjectStore"]!;
        Assert.Equal((string?)archive["destinationPath"], (string?)source["destinationPath"]);
        Assert.Equal((string?)archive["endpointURL"], (string?)source["endpointURL"]);
        Assert.Equal("complaints-postgres", (string?)source["serverName"]);
        Assert.NotEqual((string?)archive["destinationPath"], (string?)recovery["backup"]!["barmanObjectStore"]!["destinationPath"]);
    }

    [Fact]
    public void Redis_runs_a_primary_and_a_replica_on_volumes_and_the_services_reach_the_primary()
    {
        var redis = manifests.Named("StatefulSet", "redis");
        Assert.Equal(2, (int)redis["spec"]!["replicas"]!);
        Assert.Contains("--replicaof redis-0.redis-headless", string.Join(" ", Containers(redis).Single()["command"]!.AsArray().Select(c => (string?)c)));
        Assert.Single(redis["spec"]!["volumeClaimTemplates"]!.AsArray());
        Assert.Equal("redis-0", (string?)manifests.Named("Service", "redis")["spec"]!["selector"]!["statefulset.kubernetes.io/pod-name"]);
    }

    [Fact]
    public void Every_image_is_the_one_its_project_builds_with_the_sdk_as_a_non_root_user()
    {
        var version = XDocument.Load(Repository.Path("Directory.Build.props")).Descendants("PlatformVersion").Single().Value;
        var projects = Directory.EnumerateFiles(Repository.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => XDocument.Load(p))
            .Where(p => p.Descendants("ContainerRepository").Any())
            .ToDictionary(p => p.Descendants("ContainerRepository").Single().Value, p => p);
        var images = manifests.Base.Rendered.OfType<JsonObject>()
            .Where(o => (string?)o["kind"] is "Deployment" or "Job")
            .SelectMany(Containers)
            .Select(c => (string)c["image"]!)
            .Where(i => i != Naming.PrinterImage)
            .Distinct()
            .ToList();
        foreach (var image in images)
        {
            var repository = image[..image.LastIndexOf(':')];
            Assert.True(projects.TryGetValue(repository, out var project), $"no project builds {repository}");
            Assert.Equal(version, image[(image.LastIndexOf(':') + 1)..]);
            Assert.Equal("$(PlatformVersion)", project.Descendants("ContainerImageTag").Single().Value);
            Assert.Equal("app", project.Descendants("ContainerUser").Single().Value);
        }
        Assert.Equal(Services.Select(s => $"complaints-platform/{s}").Append("complaints-platform/provision").Order(),
            images.Select(i => i[..i.LastIndexOf(':')]).Order());
        // The production overlay points every image at the registry it is pushed to, the printer at its mirror there.
        Assert.All(manifests.Objects.Where(o => (string?)o["kind"] is "Deployment" or "Job").SelectMany(Containers).Where(c => Name(c) != "printer"),
            c => Assert.StartsWith("registry.example.org/complaints-platform/", (string?)c["image"]));
        Assert.Equal("registry.example.org/" + Naming.PrinterImage,
            (string?)Containers(manifests.Named("Deployment", "reporting")).Single(c => Name(c) == "printer")["image"]);
    }

    [Fact]
    public void Reporting_prints_on_a_Chromium_beside_it_that_listens_on_the_pods_loopback_only()
    {
        var reporting = manifests.Named("Deployment", "reporting");
        var printer = Containers(reporting).Single(c => Name(c) == "printer");
        var args = printer["args"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Contains("--remote-debugging-address=127.0.0.1", args);
        Assert.Contains($"--remote-debugging-port={Naming.PrinterPort}", args);
        Assert.Null(printer["ports"]);
        Assert.Equal(true, (bool?)printer["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.NotNull(printer["resources"]!["limits"]!["memory"]);
        var service = Containers(reporting).Single(c => Name(c) == "reporting");
        Assert.Contains(service["env"]!.AsArray().OfType<JsonObject>(),
            e => (string?)e["name"] == "Reporting__Pdf__DevTools" && (string?)e["value"] == $"http://127.0.0.1:{Naming.PrinterPort}");
        // No other workload runs a browser.
        Assert.Single(manifests.Base.Rendered.OfType<JsonObject>().SelectMany(o => (string?)o["kind"] is "Deployment" or "Job" or "StatefulSet" ? Containers(o) : []),
            c => (string?)c["image"] == Naming.PrinterImage);
    }

    private static string Name(JsonObject o) => (string)(o["metadata"]?["name"] ?? o["name"])!;

    private static JsonObject Pod(JsonObject workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    private static IEnumerable<JsonObject> Containers(JsonObject workload)
    {
        var pod = Pod(workload);
        return (pod["initContainers"]?.AsArray() ?? []).Concat(pod["containers"]!.AsArray()).OfType<JsonObject>();
    }

    /// <summary>cpu in millicores, memory in MiB.</summary>
    private static double Quantity(string? value) => value switch
    {
        null => 0,
        _ when value.EndsWith('m') => double.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture),
        _ when value.EndsWith("Mi", StringComparison.Ordinal) => double.Parse(value[..^2], System.Globalization.CultureInfo.InvariantCulture),
        _ when value.EndsWith("Gi", StringComparison.Ordinal) => double.Parse(value[..^2], System.Globalization.CultureInfo.InvariantCulture) * 1024,
        _ => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) * 1000,
    };

    [GeneratedRegex(@"(?i)(password|secret|key)$|_password|ClientSecret|SigningKey")]
    private static partial Regex SecretLike();

    [GeneratedRegex(@"(?i)password=(?!\$\()")]
    private static partial Regex ClearPassword();
}
