global using Governance.Schemas;
global using Shouldly;
global using Xunit;
