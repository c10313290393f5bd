namespace Connective.Web.Features.Circle.Matching;

/// <summary>Distances between approximate locations, computed in code (no spatial database extension).</summary>
public static class Distances
{
    internal const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle distance in kilometres between two WGS84 points given in degrees (haversine formula).</summary>
    public static double Kilometres(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        var phiA = double.DegreesToRadians(latitudeA);
        var phiB = double.DegreesToRadians(latitudeB);
        var halfDeltaPhi = (phiB - phiA) / 2;
        var halfDeltaLambda = double.DegreesToRadians(longitudeB - longitudeA) / 2;
        var h = (Math.Sin(halfDeltaPhi) * Math.Sin(halfDeltaPhi))
            + (Math.Cos(phiA) * Math.Cos(phiB) * Math.Sin(halfDeltaLambda) * Math.Sin(halfDeltaLambda));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
